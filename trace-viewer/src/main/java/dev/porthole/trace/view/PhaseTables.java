package dev.porthole.trace.view;

import dev.porthole.icons.FitToRows;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * What the phase table and the two-run diff share: a dense, monospaced table of phases that sorts by any column,
 * tells which phase a click lands on, and shows durations right-aligned.
 */
final class PhaseTables {
    private PhaseTables() {
    }

    /**
     * Sets {@code table} up over {@code rows}: sorted by the user's column, one-line rows of a fixed height, the last
     * column taking the rest of the width; a click on a row passes its phase's name to {@code onPhase}.
     */
    static <R> void setUp(TableView<R> table, String id, String placeholder, ObservableList<R> rows,
                          Function<R, String> phaseOf, Consumer<String> onPhase) {
        table.setId(id);
        table.getStyleClass().add("ph-table-mono");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(placeholder));
        table.setFixedCellSize(24);
        FitToRows.install(table);
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    onPhase.accept(phaseOf.apply(row.getItem()));
                }
            });
            return row;
        });
    }

    /** A duration in nanoseconds as {@link TimeFormat#duration} writes it, right-aligned. */
    static <R> TableCell<R, Long> durationCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : TimeFormat.duration(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }
}
