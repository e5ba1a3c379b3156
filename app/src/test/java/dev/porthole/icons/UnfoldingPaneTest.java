package dev.porthole.icons;

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
        List<Double> heightAtEachFrame = framesUntilWhole(list, () -> holder.show(list, true),
                () -> cellsAtEachFrame.add(cellsMade.size()));

        assertEquals(List.of(HEIGHT / 4, HEIGHT / 2, HEIGHT * 3 / 4, HEIGHT), heightAtEachFrame.stream().distinct().toList(),
                "the list's height, frame by frame");
        int first = cellsAtEachFrame.get(0);
        int last = cellsAtEachFrame.get(cellsAtEachFrame.size() - 1);
        assertTrue(first > 0 && first <= last / 3, "rows made in the first frame: " + first + " of " + last);

        // Hidden, then shown again: whole in the first frame, with the cells it already has.
        WaitForAsyncUtils.asyncFx(holder::hide).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(HEIGHT), framesUntilWhole(list, () -> holder.show(list, false), () -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(last, cellsMade.size(), "no rows made again");
    }

    @Test
    void aListShownEmptyUnfoldsWhenItsFirstRowsComeAndNotAfter() throws Exception {
        javafx.collections.ObservableList<String> rows = FXCollections.observableArrayList();
        ListView<String> empty = new ListView<>(rows);
        empty.setFixedCellSize(20);
        WaitForAsyncUtils.asyncFx(() -> scene.setRoot(UnfoldingPane.unfoldingAtFirstRows(empty, rows))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<Double> heights = framesUntilWhole(empty, () -> rows.setAll(IntStream.range(0, 100).mapToObj(i -> "row " + i).toList()), () -> { });
        assertEquals(HEIGHT / 4, heights.get(0), "the list's height in the frame its first rows came");

        // The next rows (the next stop's) show at once.
        assertEquals(List.of(HEIGHT), framesUntilWhole(empty,
                () -> rows.setAll(IntStream.range(0, 100).mapToObj(i -> "next " + i).toList()), () -> { }));
    }

    @Test
    void contentInATabPaneShownForTheFirstTimeUnfoldsAsTheTabPaneMakesItsSkin() throws Exception {
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("rows", UnfoldingPane.unfoldingWhenFirstShown(list)));
        List<Double> heights = framesUntilWhole(list, () -> scene.setRoot(tabs), () -> { });
        double whole = heights.get(heights.size() - 1);
        assertTrue(whole > HEIGHT / 2, "the list fills the tab, " + whole + " px");
        assertEquals(Math.floor(whole / 4), heights.get(0), "its height in the tab pane's first frame");
    }

    @Test
    void grownByMuchAtOnceItUnfoldsTheNewPartAndGrownByLittleItFollowsAtOnce() throws Exception {
        javafx.scene.layout.VBox parent = new javafx.scene.layout.VBox(holder);
        WaitForAsyncUtils.asyncFx(() -> {
            holder.unfoldingGrowth();
            holder.setPrefHeight(60);
            holder.show(list, false);
            scene.setRoot(parent);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60.0, WaitForAsyncUtils.asyncFx(list::getHeight).get(5, TimeUnit.SECONDS));

        // A divider moved far: the new 240 px come a quarter a frame, from the 60 there were.
        assertEquals(List.of(120.0, 180.0, 240.0, 300.0),
                framesUntilWhole(list, () -> holder.setPrefHeight(300), () -> { }).stream().distinct().toList());
        // A divider dragged: each frame's few pixels at once.
        assertEquals(List.of(316.0), framesUntilWhole(list, () -> holder.setPrefHeight(316), () -> { }).stream().distinct().toList());
    }

    @Test
    void foldedContentHasNoHeightUntilItUnfoldsAndAnUnfoldingStartedAgainKeepsItsQuarters() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> holder.show(list, false)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(holder::fold).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, WaitForAsyncUtils.asyncFx(list::getHeight).get(5, TimeUnit.SECONDS), "folded");
        assertTrue(holder.isFolded());
        // Two unfoldings asked for in one task (an editor's stop and its reveal): one unfolding, a quarter a frame.
        assertEquals(List.of(HEIGHT / 4, HEIGHT / 2, HEIGHT * 3 / 4, HEIGHT), framesUntilWhole(list, () -> {
            holder.unfold();
            holder.unfold();
        }, () -> { }).stream().distinct().toList());
        assertTrue(!holder.isFolded());
    }

    @Test
    void contentWithASplitPaneIsShownWholeAndKeepsItsDivider() throws Exception {
        ListView<String> top = new ListView<>();
        ListView<String> bottom = new ListView<>();
        bottom.setMinHeight(150);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(top, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        WaitForAsyncUtils.asyncFx(() -> holder.show(split, true)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // Unfolded, the split would have been laid out 100 px tall and moved its divider up to keep 150 px below.
        assertEquals(0.5, WaitForAsyncUtils.asyncFx(() -> split.getDividerPositions()[0]).get(5, TimeUnit.SECONDS), 0.01);
        assertEquals(HEIGHT, WaitForAsyncUtils.asyncFx(split::getHeight).get(5, TimeUnit.SECONDS));
    }

    /**
     * Runs {@code action} on the FX thread, then notes the list's height after each frame (and runs {@code eachFrame})
     * until the list is as tall as the window.
     */
    private List<Double> framesUntilWhole(ListView<String> shown, Runnable action, Runnable eachFrame) throws Exception {
        List<Double> heights = new ArrayList<>();
        CompletableFuture<Void> whole = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(() -> {
                if (!whole.isDone()) {
                    eachFrame.run();
                    heights.add(shown.getHeight());
                    if (shown.getHeight() > 0 && shown.getHeight() == shown.getParent().getLayoutBounds().getHeight()) {
                        whole.complete(null);
                    }
                }
            });
            action.run();
        });
        whole.get(10, TimeUnit.SECONDS);
        return heights;
    }
}
