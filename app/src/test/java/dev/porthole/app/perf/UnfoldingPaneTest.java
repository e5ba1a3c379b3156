package dev.porthole.app.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A panel unfolds over its first frames, making its rows a part at a time; shown again, it is whole at once. */
@ExtendWith(ApplicationExtension.class)
class UnfoldingPaneTest {
    private static final double HEIGHT = 400;

    private UnfoldingPane holder;
    private Scene scene;
    private ListView<String> list;
    /** Cells the list has made so far: one per row it has shown at once. */
    private final List<ListCell<String>> cellsMade = new ArrayList<>();

    @Start
    void start(Stage stage) {
        list = new ListView<>(FXCollections.observableArrayList(IntStream.range(0, 200).mapToObj(i -> "row " + i).toList()));
        list.setFixedCellSize(20);
        list.setCellFactory(lv -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cellsMade.add(cell);
            return cell;
        });
        holder = new UnfoldingPane();
        scene = new Scene(holder, 300, HEIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstShowingMakesTheRowsAQuarterAFrameAndTheNextIsWholeAtOnce() throws Exception {
        List<Integer> cellsAtEachFrame = new ArrayList<>();
        List<Double> heightAtEachFrame = new ArrayList<>();
        CompletableFuture<Void> unfolded = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(() -> {
                if (!unfolded.isDone()) {
                    cellsAtEachFrame.add(cellsMade.size());
                    heightAtEachFrame.add(list.getHeight());
                    if (list.getHeight() == HEIGHT) {
                        unfolded.complete(null);
                    }
                }
            });
            holder.show(list, true);
        });
        unfolded.get(10, TimeUnit.SECONDS);

        assertEquals(List.of(HEIGHT / 4, HEIGHT / 2, HEIGHT * 3 / 4, HEIGHT), heightAtEachFrame.stream().distinct().toList(),
                "the list's height, frame by frame");
        int first = cellsAtEachFrame.get(0);
        int last = cellsAtEachFrame.get(cellsAtEachFrame.size() - 1);
        assertTrue(first > 0 && first <= last / 3, "rows made in the first frame: " + first + " of " + last);

        // Hidden, then shown again: whole in the first frame, with the cells it already has.
        WaitForAsyncUtils.asyncFx(holder::hide).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<Double> heightAtFirstFrame = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(() -> heightAtFirstFrame.complete(list.getHeight()));
            holder.show(list, false);
        });
        assertEquals(HEIGHT, heightAtFirstFrame.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(last, cellsMade.size(), "no rows made again");
    }
    @Test
    void aListShownEmptyUnfoldsWhenItsFirstRowsComeAndNotAfter() throws Exception {
        javafx.collections.ObservableList<String> rows = FXCollections.observableArrayList();
        ListView<String> empty = new ListView<>(rows);
        empty.setFixedCellSize(20);
        UnfoldingPane[] pane = new UnfoldingPane[1];
        WaitForAsyncUtils.asyncFx(() -> {
            pane[0] = UnfoldingPane.unfoldingAtFirstRows(empty, rows);
            scene.setRoot(pane[0]);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<Double> heights = new ArrayList<>();
        CompletableFuture<Void> whole = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(() -> {
                if (!whole.isDone()) {
                    heights.add(empty.getHeight());
                    if (empty.getHeight() == HEIGHT) {
                        whole.complete(null);
                    }
                }
            });
            rows.setAll(IntStream.range(0, 100).mapToObj(i -> "row " + i).toList());
        });
        whole.get(10, TimeUnit.SECONDS);
        assertEquals(HEIGHT / 4, heights.get(0), "the list's height in the frame its first rows came");

        // The next rows (the next stop's) show at once.
        CompletableFuture<Double> next = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(() -> next.complete(empty.getHeight()));
            rows.setAll(IntStream.range(0, 100).mapToObj(i -> "next " + i).toList());
        });
        assertEquals(HEIGHT, next.get(10, TimeUnit.SECONDS));
    }
}
