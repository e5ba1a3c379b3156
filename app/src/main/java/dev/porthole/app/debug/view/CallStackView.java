package dev.porthole.app.debug.view;

import dev.porthole.icons.FitToRows;
import dev.porthole.icons.StyleClasses;
import dev.porthole.gdb.Frame;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.function.Function;

/** The Call Stack panel: one row per frame; click (or Enter) opens the frame's source and shows its variables. */
public final class CallStackView extends PanelView<CallStackViewModel> {
    public static final String TABLE_ID = "call-stack-table";

    private final TableView<Frame> table = new TableView<>();

    public CallStackView(CallStackViewModel model) {
        super(model, DebugStyles.CALL_STACK);
        table.setId(TABLE_ID);
        HeldRows<Frame> frames = new HeldRows<>(model.frames(), model);
        table.setItems(frames.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Not stopped."));
        FitToRows.install(table);

        TableColumn<Frame, Frame> marker = new TableColumn<>("");
        marker.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        marker.setCellFactory(col -> new TableCell<>() {
            private final Node arrow = Icons.node(Icon.CURRENT_LINE, 14);
            private final InvalidationListener selectionMoved = o -> showArrow();

            {
                model.selectedLevelProperty().addListener(new WeakInvalidationListener(selectionMoved));
            }

            @Override
            protected void updateItem(Frame frame, boolean empty) {
                super.updateItem(frame, empty);
                showArrow();
            }

            private void showArrow() {
                Node wanted = isSelectedFrame(this.getItem(), isEmpty()) ? arrow : null;
                if (getGraphic() != wanted) {
                    setGraphic(wanted);
                }
            }
        });
        marker.setPrefWidth(24);
        marker.setMaxWidth(28);
        marker.setSortable(false);

        table.getColumns().setAll(List.of(
                marker,
                text("#", f -> Integer.toString(f.level()), 30),
                text("Function", Frame::function, 130),
                text("Location", CallStackViewModel::location, 140),
                text("Address", CallStackViewModel::address, 96)));
        table.getColumns().forEach(c -> c.setSortable(false));

        table.setRowFactory(tv -> {
            TableRow<Frame> row = new TableRow<>() {
                private final InvalidationListener selectionMoved = o -> markSelected();

                {
                    model.selectedLevelProperty().addListener(new WeakInvalidationListener(selectionMoved));
                }

                @Override
                protected void updateItem(Frame frame, boolean empty) {
                    super.updateItem(frame, empty);
                    markSelected();
                }

                private void markSelected() {
                    StyleClasses.toggle(this, DebugStyles.CURRENT_LINE, isSelectedFrame(getItem(), isEmpty()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    model.activate(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Frame f = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && f != null) {
                model.activate(f);
            }
        });
        // The rows and the arrow follow the selected frame themselves: a refresh() would make every cell of the
        // table anew, empty filler rows too, and restyle them all, on every stop.
        model.selectedLevelProperty().addListener((obs, was, level) -> {
            int l = level.intValue();
            if (l >= 0 && l < table.getItems().size() && table.getSelectionModel().getSelectedIndex() != l) {
                table.getSelectionModel().select(l);
            }
        });
        setCenter(frames.covering(table));
    }

    private boolean isSelectedFrame(Frame frame, boolean empty) {
        return !empty && frame != null && frame.level() == model.selectedLevelProperty().get();
    }

    private static TableColumn<Frame, String> text(String title, Function<Frame, String> value, double width) {
        TableColumn<Frame, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        column.setPrefWidth(width);
        if (title.equals("Address")) {
            column.getStyleClass().add(DebugStyles.MONO);
        }
        return column;
    }

    public TableView<Frame> table() {
        return table;
    }
}
