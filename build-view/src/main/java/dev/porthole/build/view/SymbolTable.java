package dev.porthole.build.view;

import dev.porthole.build.layout.LayoutSymbol;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/**
 * The symbol table: name, size, type, binding, section, address, file; sortable by any column (the sort
 * runs on the filtered list, so it stays cheap on libjvm-sized tables) and filtered by a text that
 * matches names or files.
 */
public final class SymbolTable extends BorderPane {
    private final TableView<LayoutSymbol> table = new TableView<>();
    private final TextField filter = new TextField();

    public SymbolTable(LayoutViewModel model) {
        filter.setPromptText("filter symbols by name or file");
        filter.textProperty().bindBidirectional(model.symbolFilterProperty());

        // Every column has a width of its own: one left at JavaFX's default (80) is fitted to its content as the table
        // is first shown, a cell made and styled for each of its first 30 rows, in that frame. Five such columns made
        // the Layout panel's first frame a block of 38-49 ms (ScreenshotTour, -Dporthole.watchdog.stacks).
        TableColumn<LayoutSymbol, String> name = new TableColumn<>("Symbol");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(280);
        TableColumn<LayoutSymbol, Long> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.setPrefWidth(88);
        TableColumn<LayoutSymbol, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        type.setPrefWidth(72);
        TableColumn<LayoutSymbol, String> binding = new TableColumn<>("Binding");
        binding.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().binding()));
        binding.setPrefWidth(72);
        TableColumn<LayoutSymbol, String> section = new TableColumn<>("Section");
        section.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().section()));
        section.setPrefWidth(110);
        TableColumn<LayoutSymbol, String> address = new TableColumn<>("Address");
        address.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format("0x%x", c.getValue().address())));
        address.setPrefWidth(140);
        address.setComparator((a, b) -> Long.compareUnsigned(Long.parseUnsignedLong(a.substring(2), 16), Long.parseUnsignedLong(b.substring(2), 16)));
        TableColumn<LayoutSymbol, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file() == null ? "" : c.getValue().file()));
        file.setPrefWidth(260);
        table.getColumns().add(name);
        table.getColumns().add(size);
        table.getColumns().add(type);
        table.getColumns().add(binding);
        table.getColumns().add(section);
        table.getColumns().add(address);
        table.getColumns().add(file);

        SortedList<LayoutSymbol> sorted = new SortedList<>(model.symbols());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        size.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(size);

        setTop(filter);
        setCenter(table);
    }

    public TableView<LayoutSymbol> table() {
        return table;
    }
}
