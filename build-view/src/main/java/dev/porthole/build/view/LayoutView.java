package dev.porthole.build.view;

import dev.porthole.icons.SplitPanes;
import dev.porthole.icons.StyleClasses;
import dev.porthole.icons.TabContent;
import dev.porthole.icons.UnfoldingPane;
import dev.porthole.build.layout.LayoutDiff;
import dev.porthole.build.layout.SizeNode;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The image layout: a summary line and any warning (a stripped image points at its twin), the address
 * bar, the treemap with its breadcrumb, and tabs for the symbol table, the diff of two builds and the
 * runtime map beside the ELF sections. Renders {@link LayoutViewModel}.
 */
public final class LayoutView extends BorderPane {
    private final LayoutViewModel model;
    private final FlowPane breadcrumb = new FlowPane();
    private final AddressBar addressBar;
    private final Treemap treemap;
    private final SymbolTable symbolTable;

    public LayoutView(LayoutViewModel model) {
        this.model = model;
        getStylesheets().add(Styles.STYLESHEET);
        addressBar = new AddressBar(model);
        treemap = new Treemap(model);
        symbolTable = new SymbolTable(model);

        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.WARNING);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        breadcrumb.getStyleClass().add(Styles.BREADCRUMB);
        model.breadcrumb().addListener((ListChangeListener<SizeNode>) change -> rebuildBreadcrumb());
        rebuildBreadcrumb();

        VBox top = new VBox(summary, error, addressBar, breadcrumb);
        top.getStyleClass().add(Styles.TOOLBAR);

        Tab symbols = new Tab("Symbols");
        Tab diff = new Tab("Diff");
        Tab runtime = new Tab("Runtime map");
        TabPane tabs = new TabPane(symbols, diff, runtime);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        TabContent.whileSelected(symbols, UnfoldingPane.unfoldingWhenFirstShown(symbolTable));
        TabContent.whileSelected(diff, diffTables());
        TabContent.whileSelected(runtime, runtimeTable());

        SplitPane split = new SplitPane(treemap, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        // The tables below come a frame after the bar and the treemap, the symbol table unfolding: the panel's first
        // frame styled all of it, one block of 38-47 ms of the FX thread's CPU (ScreenshotTour,
        // -Dporthole.watchdog.blocks).
        SplitPanes.joinAFrameLater(split, tabs, () -> { });
        setTop(top);
        setCenter(split);
    }

    private void rebuildBreadcrumb() {
        breadcrumb.getChildren().clear();
        for (int i = 0; i < model.breadcrumb().size(); i++) {
            int index = i;
            SizeNode node = model.breadcrumb().get(i);
            Hyperlink link = new Hyperlink(node.name());
            link.setOnAction(e -> model.zoomTo(index));
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("›"));
            }
            breadcrumb.getChildren().add(link);
        }
    }

    private SplitPane diffTables() {
        SplitPane split = new SplitPane(deltaTable("Section", model.diffSections()), deltaTable("Symbol", model.diffSymbols()));
        split.setOrientation(Orientation.VERTICAL);
        return split;
    }

    private static TableView<LayoutDiff.Delta> deltaTable(String what, javafx.collections.ObservableList<LayoutDiff.Delta> rows) {
        TableView<LayoutDiff.Delta> table = new TableView<>(rows);
        TableColumn<LayoutDiff.Delta, String> name = new TableColumn<>(what);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()
                + (c.getValue().added() ? "  (added)" : c.getValue().removed() ? "  (removed)" : "")));
        name.setPrefWidth(320);
        TableColumn<LayoutDiff.Delta, String> oldSize = new TableColumn<>("Old");
        oldSize.setPrefWidth(90);
        oldSize.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().added() ? "-" : Long.toString(c.getValue().oldSize())));
        TableColumn<LayoutDiff.Delta, String> newSize = new TableColumn<>("New");
        newSize.setPrefWidth(90);
        newSize.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().removed() ? "-" : Long.toString(c.getValue().newSize())));
        TableColumn<LayoutDiff.Delta, Long> delta = new TableColumn<>("Delta");
        delta.setPrefWidth(90);
        delta.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().delta()));
        table.getColumns().add(name);
        table.getColumns().add(oldSize);
        table.getColumns().add(newSize);
        table.getColumns().add(delta);
        table.setPlaceholder(new Label("compare with another build to see what changed"));
        return table;
    }

    private TableView<LayoutViewModel.RuntimeRow> runtimeTable() {
        TableView<LayoutViewModel.RuntimeRow> table = new TableView<>(model.runtimeRows());
        TableColumn<LayoutViewModel.RuntimeRow, String> section = new TableColumn<>("Section");
        section.setPrefWidth(110);
        section.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().section()));
        TableColumn<LayoutViewModel.RuntimeRow, String> address = new TableColumn<>("Address");
        address.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        address.setPrefWidth(220);
        TableColumn<LayoutViewModel.RuntimeRow, String> flags = new TableColumn<>("ELF flags");
        flags.setPrefWidth(90);
        flags.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().flags()));
        TableColumn<LayoutViewModel.RuntimeRow, String> runtime = new TableColumn<>("Mapped at run time");
        runtime.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runtime()));
        runtime.setPrefWidth(480);
        table.getColumns().add(section);
        table.getColumns().add(address);
        table.getColumns().add(flags);
        table.getColumns().add(runtime);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LayoutViewModel.RuntimeRow item, boolean empty) {
                super.updateItem(item, empty);
                StyleClasses.toggle(this, Styles.RUNTIME_BAD, !empty && item != null && !item.ok());
            }
        });
        table.setPlaceholder(new Label("stop the guest in the debugger to read its page tables"));
        return table;
    }

    public AddressBar addressBar() {
        return addressBar;
    }

    public Treemap treemap() {
        return treemap;
    }

    public SymbolTable symbolTable() {
        return symbolTable;
    }
}
