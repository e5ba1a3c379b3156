package dev.porthole.app.runs;

import dev.porthole.icons.StyleClasses;
import dev.porthole.app.task.TaskRunner;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The history of runs: when, what, how it ended, how long. Double-click (or Open) loads a run's console and
 * trace; selecting two runs enables Compare, which diffs their traces.
 */
public final class RunsView extends BorderPane {
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final TableView<RunSummary> table = new TableView<>(runs);
    private final TaskRunner tasks;
    private RunHistory history;

    public RunsView(TaskRunner tasks, Consumer<RunSummary> open, BiConsumer<RunSummary, RunSummary> compare) {
        this.tasks = tasks;
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet. Run (Ctrl+F5) or Debug (F5) the guest; every run is recorded in runs/."));
        table.getColumns().add(column("Run", 170, RunSummary::id));
        table.getColumns().add(column("Command line", 200, RunSummary::append));
        table.getColumns().add(column("Machine", 90, RunSummary::machine));
        table.getColumns().add(column("Outcome", 130, RunSummary::outcome));
        table.getColumns().add(column("Spawn → exit", 110,
                r -> r.spawnToExitMs().isPresent() ? String.format("%.1f ms", r.spawnToExitMs().getAsDouble()) : ""));
        table.getColumns().add(column("Trace", 60, r -> r.hasTrace() ? "yes" : ""));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> {
            TableRow<RunSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(RunSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    String outcome = empty || item == null || item.reason().isEmpty() ? null
                            : item.succeeded() ? "ph-run-ok" : "ph-run-failed";
                    StyleClasses.choose(this, outcome, "ph-run-ok", "ph-run-failed");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });

        Button openButton = new Button("Open", Icons.node(Icon.FOLDER_OPEN));
        openButton.setId("runs-open");
        openButton.setTooltip(new Tooltip("Load the selected run's console and trace"));
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem()));
        Button compareButton = new Button("Compare traces", Icons.node(Icon.COMPARE));
        compareButton.setId("runs-compare");
        compareButton.setDisable(true);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunSummary>) c ->
                compareButton.setDisable(table.getSelectionModel().getSelectedItems().size() != 2));
        compareButton.setOnAction(e -> {
            List<RunSummary> two = List.copyOf(table.getSelectionModel().getSelectedItems());
            // Older run first, so deltas read "what changed since".
            compare.accept(two.get(1), two.get(0));
        });
        Button refresh = new Button(null, Icons.node(Icon.REFRESH));
        refresh.setTooltip(new Tooltip("Reload the runs folder"));
        refresh.setOnAction(e -> refresh());
        setTop(new ToolBar(openButton, compareButton, refresh));
        setCenter(table);
    }

    public void setHistory(RunHistory history) {
        this.history = history;
        refresh();
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** Re-reads the runs folder in the background. */
    public void refresh() {
        RunHistory h = history;
        if (h == null) {
            runs.clear();
            return;
        }
        tasks.run("read runs", h::list, runs::setAll, error -> table.setPlaceholder(new Label("Cannot read " + h.root() + ": " + error.getMessage())));
    }

    private static TableColumn<RunSummary, String> column(String title, double width, java.util.function.Function<RunSummary, String> value) {
        TableColumn<RunSummary, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
