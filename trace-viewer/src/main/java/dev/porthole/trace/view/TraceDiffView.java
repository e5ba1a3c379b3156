package dev.porthole.trace.view;

import dev.porthole.icons.StyleClasses;
import dev.porthole.trace.analysis.TraceDiff;
import dev.porthole.trace.model.Trace;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Two runs side by side, per phase: total in A and in B, the change, and a bar centred on zero, to the right
 * (slower, in the error colour) or to the left (faster, in the ok colour), scaled to the largest change. Rows
 * come largest absolute change first, as {@link TraceDiff} orders them; any column sorts.
 */
public final class TraceDiffView extends BorderPane {
    public static final String STYLE_CLASS = "ph-trace-diff";

    private final TableView<TraceDiff.Row> table = new TableView<>();
    private final ObservableList<TraceDiff.Row> rows = FXCollections.observableArrayList();
    private final Label summary = new Label();
    private Consumer<String> onPhaseSelected = name -> { };
    private long largestChange = 1;

    public TraceDiffView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(TimelineView.STYLESHEET);
        PhaseTables.setUp(table, "diff-table", "No phases in either run", rows, TraceDiff.Row::name,
                name -> onPhaseSelected.accept(name));
        TableColumn<TraceDiff.Row, String> name = new TableColumn<>("Phase");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<TraceDiff.Row, Long> a = durationColumn("A", TraceDiff.Row::totalA);
        TableColumn<TraceDiff.Row, Long> b = durationColumn("B", TraceDiff.Row::totalB);
        TableColumn<TraceDiff.Row, Long> delta = durationColumn("Δ", TraceDiff.Row::deltaNs);
        delta.setId("diff-delta");
        delta.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                StyleClasses.choose(this, empty || v == null || v == 0 ? null : v > 0 ? "ph-slower" : "ph-faster", "ph-slower", "ph-faster");
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                setText(TimeFormat.signedDuration(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        TableColumn<TraceDiff.Row, Double> relative = new TableColumn<>("Δ %");
        relative.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().relative()));
        relative.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Double.isInfinite(v) ? "new" : String.format(Locale.ROOT, "%+.1f%%", v * 100));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        relative.setPrefWidth(64);
        TableColumn<TraceDiff.Row, Long> bar = new TableColumn<>("Change");
        bar.setId("diff-bar");
        bar.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().deltaNs()));
        bar.setCellFactory(c -> new BarCell());
        bar.setComparator((x, y) -> Long.compare(Math.abs(x), Math.abs(y)));
        bar.setSortType(TableColumn.SortType.DESCENDING);
        bar.setPrefWidth(150);
        TableColumn<TraceDiff.Row, String> counts = new TableColumn<>("Count A → B");
        counts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().countA() == c.getValue().countB()
                ? String.format("%,d", c.getValue().countA())
                : String.format("%,d → %,d", c.getValue().countA(), c.getValue().countB())));
        counts.setPrefWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(a);
        table.getColumns().add(b);
        table.getColumns().add(delta);
        table.getColumns().add(relative);
        table.getColumns().add(bar);
        table.getColumns().add(counts);
        summary.getStyleClass().addAll("ph-muted", "ph-phase-summary");
        setTop(summary);
        setCenter(table);
    }

    private static TableColumn<TraceDiff.Row, Long> durationColumn(String title, Function<TraceDiff.Row, Long> value) {
        TableColumn<TraceDiff.Row, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> PhaseTables.durationCell());
        column.setPrefWidth(84);
        return column;
    }

    /** Compares run {@code a} (before) with run {@code b} (after). */
    public void show(Trace a, Trace b, String labelA, String labelB) {
        setRows(TraceDiff.of(a, b), labelA, labelB, b.durationTime() - a.durationTime());
    }

    public void setRows(List<TraceDiff.Row> diff, String labelA, String labelB, long wholeChangeNs) {
        largestChange = Math.max(1, diff.stream().mapToLong(r -> Math.abs(r.deltaNs())).max().orElse(1));
        rows.setAll(diff);
        summary.setText("A: " + labelA + "   B: " + labelB + "   whole trace " + TimeFormat.signedDuration(wholeChangeNs));
    }

    public TableView<TraceDiff.Row> getTable() {
        return table;
    }

    public void setOnPhaseSelected(Consumer<String> listener) {
        this.onPhaseSelected = listener == null ? name -> { } : listener;
    }

    /** A bar from the cell's middle: right for slower, left for faster. */
    private final class BarCell extends TableCell<TraceDiff.Row, Long> {
        private final Region bar = new Region();
        private final Region axis = new Region();
        private final Pane box = new Pane(axis, bar) {
            @Override
            protected void layoutChildren() {
                double w = getWidth();
                double h = getHeight();
                double mid = Math.floor(w / 2);
                axis.resizeRelocate(mid, 1, 1, Math.max(0, h - 2));
                Long v = getItem();
                double len = v == null ? 0 : (w / 2 - 2) * Math.abs(v) / (double) largestChange;
                len = v != null && v != 0 ? Math.max(1, len) : 0;
                double barH = Math.min(12, h - 4);
                bar.resizeRelocate(v != null && v < 0 ? mid - len : mid + 1, (h - barH) / 2, len, barH);
            }
        };

        BarCell() {
            axis.getStyleClass().add("ph-diff-axis");
            box.setPrefHeight(16);
            box.setMinHeight(16);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Long v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            StyleClasses.choose(bar, v > 0 ? "ph-diff-slower" : "ph-diff-faster", "ph-diff-slower", "ph-diff-faster");
            setGraphic(box);
            box.requestLayout();
        }
    }
}
