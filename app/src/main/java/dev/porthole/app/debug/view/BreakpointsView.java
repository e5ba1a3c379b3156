package dev.porthole.app.debug.view;

import dev.porthole.icons.FitToRows;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The Breakpoints panel: every breakpoint and watchpoint, enable/disable, delete, add. */
public final class BreakpointsView extends PanelView<BreakpointsViewModel> {
    public static final String LOCATION_FIELD_ID = "breakpoint-location";
    public static final String CONDITION_FIELD_ID = "breakpoint-condition";
    public static final String ADD_BUTTON_ID = "breakpoint-add";
    public static final String WATCH_FIELD_ID = "watchpoint-expression";
    public static final String WATCH_KIND_ID = "watchpoint-kind";
    public static final String WATCH_BUTTON_ID = "watchpoint-add";
    public static final String DELETE_BUTTON_ID = "breakpoint-delete";
    public static final String TABLE_ID = "breakpoint-table";

    private final TableView<BreakpointsViewModel.Row> table = new TableView<>();

    public BreakpointsView(BreakpointsViewModel model) {
        super(model, DebugStyles.BREAKPOINTS);

        TextField location = new TextField();
        location.setId(LOCATION_FIELD_ID);
        location.setPromptText("function, file:line or *address");
        location.setPrefColumnCount(12);
        javafx.scene.layout.HBox.setHgrow(location, javafx.scene.layout.Priority.ALWAYS);
        TextField condition = new TextField();
        condition.setId(CONDITION_FIELD_ID);
        condition.setPromptText("condition (optional)");
        condition.setPrefColumnCount(7);
        Button add = new Button("Break", Icons.node(Icon.BREAKPOINT));
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setId(ADD_BUTTON_ID);
        add.setTooltip(new Tooltip("Add a breakpoint at the location"));
        Runnable addBreakpoint = () -> model.addBreakpoint(location.getText(), condition.getText())
                .thenRun(() -> FxThread.EXECUTOR.execute(() -> {
                    location.clear();
                    condition.clear();
                }));
        add.setOnAction(e -> addBreakpoint.run());
        location.setOnAction(e -> addBreakpoint.run());
        condition.setOnAction(e -> addBreakpoint.run());

        TextField watched = new TextField();
        watched.setId(WATCH_FIELD_ID);
        watched.setPromptText("expression to watch");
        watched.setPrefColumnCount(10);
        javafx.scene.layout.HBox.setHgrow(watched, javafx.scene.layout.Priority.ALWAYS);
        ComboBox<BreakpointKind> kind = new ComboBox<>();
        kind.setId(WATCH_KIND_ID);
        kind.getItems().addAll(BreakpointKind.WATCH_WRITE, BreakpointKind.WATCH_READ, BreakpointKind.WATCH_ACCESS);
        kind.setValue(BreakpointKind.WATCH_WRITE);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(BreakpointKind k) {
                return k == null ? "" : switch (k) {
                    case WATCH_WRITE -> "write";
                    case WATCH_READ -> "read";
                    case WATCH_ACCESS -> "access";
                    case CODE -> "code";
                };
            }

            @Override
            public BreakpointKind fromString(String s) {
                return BreakpointKind.WATCH_WRITE;
            }
        });
        Button watch = new Button("Watch", Icons.node(Icon.WATCH));
        watch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        watch.setId(WATCH_BUTTON_ID);
        watch.setTooltip(new Tooltip("Add a watchpoint: stop when the expression is written, read or accessed"));
        Runnable addWatch = () -> model.addWatchpoint(watched.getText(), kind.getValue())
                .thenRun(() -> FxThread.EXECUTOR.execute(watched::clear));
        watch.setOnAction(e -> addWatch.run());
        watched.setOnAction(e -> addWatch.run());

        Button delete = new Button(null, Icons.node(Icon.DELETE));
        delete.setId(DELETE_BUTTON_ID);
        delete.setTooltip(new Tooltip("Delete the selected breakpoint (Delete)"));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteSelected());

        VBox tools = new VBox(toolbar(location, condition, add), toolbar(watched, kind, watch, null, delete));
        setTop(tools);

        table.setId(TABLE_ID);
        table.setItems(model.rows());
        table.setEditable(true);
        // every column gives and takes in proportion to its preferred width: Location, the widest, the most
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No breakpoints. Type a function above, e.g. kmain, and press Enter."));
        FitToRows.install(table);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelected();
            }
        });

        TableColumn<BreakpointsViewModel.Row, Boolean> enabled = new TableColumn<>("On");
        enabled.setEditable(true);
        enabled.setCellValueFactory(cd -> {
            BreakpointsViewModel.Row row = cd.getValue();
            SimpleBooleanProperty on = new SimpleBooleanProperty(row.breakpoint().enabled());
            on.addListener((obs, was, isOn) -> model.setEnabled(row.id(), isOn));
            return on;
        });
        enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
        enabled.setPrefWidth(30);
        enabled.setMinWidth(30);

        TableColumn<BreakpointsViewModel.Row, BreakpointsViewModel.Row> kindColumn = new TableColumn<>("Kind");
        kindColumn.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        kindColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BreakpointsViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(row.kindShort());
                setTooltip(new Tooltip(row.kindText() + (row.breakpoint().temporary() ? ", temporary" : "")));
                Icon icon = row.breakpoint().kind().isWatchpoint() ? Icon.WATCH
                        : row.breakpoint().hardware() ? Icon.BREAKPOINT_HARDWARE : Icon.BREAKPOINT;
                var glyph = Icons.node(icon, 14);
                glyph.getStyleClass().add(row.breakpoint().enabled() ? "ph-breakpoint-icon" : "ph-breakpoint-icon-disabled");
                setGraphic(glyph);
            }
        });
        kindColumn.setPrefWidth(70);

        table.getColumns().setAll(java.util.List.of(
                enabled,
                text("#", r -> Integer.toString(r.id()), 28),
                kindColumn,
                text("Location", BreakpointsViewModel.Row::location, 230),
                text("Address", BreakpointsViewModel.Row::address, 70),
                text("Condition", BreakpointsViewModel.Row::condition, 70),
                text("Hits", r -> Integer.toString(r.breakpoint().hits()), 36)));
        setCenter(table);
    }

    private void deleteSelected() {
        BreakpointsViewModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.delete(row.id());
        }
    }

    private static TableColumn<BreakpointsViewModel.Row, String> text(String title,
                                                                      Function<BreakpointsViewModel.Row, String> value,
                                                                      double width) {
        TableColumn<BreakpointsViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> (ObservableValue<String>) new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        column.setPrefWidth(width);
        column.setEditable(false);
        return column;
    }

    public TableView<BreakpointsViewModel.Row> table() {
        return table;
    }
}
