package dev.porthole.trace.view;

import dev.porthole.trace.analysis.PhaseStats;
import dev.porthole.trace.analysis.PhaseTable;
import dev.porthole.trace.model.Trace;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The phase table beside the timeline: per slice name its count, total, self time and min/median/max, largest
 * total first, any column sortable. The total column carries a bar of its share of the largest total. Clicking a
 * phase tells the {@link #setOnPhaseSelected listener}, which highlights it in the timeline.
 */
public final class PhaseTableView extends BorderPane {
    public static final String STYLE_CLASS = "ph-phase-table";

    private final TableView<PhaseStats> table = new TableView<>();
    private final ObservableList<PhaseStats> rows = FXCollections.observableArrayList();
    private final Label summary = new Label();
    private Consumer<String> onPhaseSelected = name -> { };
    private long largestTotal = 1;

    public PhaseTableView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(TimelineView.STYLESHEET);
        PhaseTables.setUp(table, "phase-table", "No slices", rows, PhaseStats::name, name -> onPhaseSelected.accept(name));
        TableColumn<PhaseStats, String> name = new TableColumn<>("Phase");
        name.setId("phase-name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(170);
        // A narrow panel squeezes the names, never the figures: "65.3 ms" cut to "65...." says nothing.
        name.setMinWidth(88);
        TableColumn<PhaseStats, Long> count = longColumn("Count", "phase-count", PhaseStats::count, false);
        count.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format("%,d", v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        TableColumn<PhaseStats, Long> total = longColumn("Total", "phase-total", PhaseStats::totalNs, true);
        total.setCellFactory(c -> new ShareCell());
        total.setPrefWidth(86);
        total.setMinWidth(80);
        table.getColumns().add(name);
        table.getColumns().add(count);
        table.getColumns().add(total);
        table.getColumns().add(longColumn("Self", "phase-self", PhaseStats::selfNs, true));
        table.getColumns().add(longColumn("Min", "phase-min", PhaseStats::minNs, true));
        table.getColumns().add(longColumn("Median", "phase-median", PhaseStats::medianNs, true));
        table.getColumns().add(longColumn("Max", "phase-max", PhaseStats::maxNs, true));
        summary.getStyleClass().addAll("ph-muted", "ph-phase-summary");
        setTop(summary);
        setCenter(table);
    }

    private static TableColumn<PhaseStats, Long> longColumn(String title, String id, ToLongFunction<PhaseStats> value,
                                                            boolean duration) {
        TableColumn<PhaseStats, Long> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setSortType(TableColumn.SortType.DESCENDING);
        column.setPrefWidth(duration ? 68 : 60);
        column.setMinWidth(duration ? 66 : 56); // "65.3 ms", "1,234" in 12 px mono, with the cell's padding
        if (duration) {
            column.setCellFactory(c -> PhaseTables.durationCell());
        }
        return column;
    }

    /** Shows the phase table of {@code trace} (computed here; for big traces prefer {@link #setPhases}). */
    public void show(Trace trace) {
        setPhases(trace == null ? List.of() : PhaseTable.of(trace));
    }

    /** Shows rows computed elsewhere (off the FX thread, for a live run). */
    public void setPhases(List<PhaseStats> phases) {
        largestTotal = Math.max(1, phases.stream().mapToLong(PhaseStats::totalNs).max().orElse(1));
        String selected = selectedPhase();
        rows.setAll(phases);
        summary.setText(phases.size() == 1 ? "1 phase" : String.format("%,d phases", phases.size()));
        if (selected != null) {
            table.getItems().stream().filter(p -> p.name().equals(selected)).findFirst()
                    .ifPresent(p -> table.getSelectionModel().select(p));
        }
    }

    public TableView<PhaseStats> getTable() {
        return table;
    }

    public String selectedPhase() {
        PhaseStats s = table.getSelectionModel().getSelectedItem();
        return s == null ? null : s.name();
    }

    /** Called with a phase's name when the user clicks its row. */
    public void setOnPhaseSelected(Consumer<String> listener) {
        this.onPhaseSelected = listener == null ? name -> { } : listener;
    }

    /** A duration with a bar behind it: the row's share of the largest total. */
    private final class ShareCell extends TableCell<PhaseStats, Long> {
        private final Region bar = new Region();
        private final Label text = new Label();
        private final StackPane box = new StackPane(bar, text);

        ShareCell() {
            bar.getStyleClass().add("ph-share-bar");
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            StackPane.setAlignment(text, Pos.CENTER_RIGHT);
            bar.setMaxHeight(Region.USE_PREF_SIZE);
            bar.setPrefHeight(14);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Long v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            text.setText(TimeFormat.duration(v));
            bar.maxWidthProperty().bind(widthProperty().subtract(8).multiply(v / (double) largestTotal));
            setGraphic(box);
        }
    }
}
