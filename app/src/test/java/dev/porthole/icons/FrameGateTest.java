package dev.porthole.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One change a frame, in the order asked, and a list of steps likewise (FrameSteps); at once where no frames come. (In
 * the app's tests: they have TestFX.)
 */
@ExtendWith(ApplicationExtension.class)
class FrameGateTest {
    private Scene scene;
    private VBox root;

    @Start
    void start(Stage stage) {
        root = new VBox();
        scene = new Scene(root, 200, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void changesAskedForInOneFrameRunOneAFrameInOrder() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        List<String> ran = new ArrayList<>();
        List<Integer> framesSeen = new ArrayList<>();
        CompletableFuture<Boolean> firstRanAtOnce = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(frames::incrementAndGet);
            for (String name : List.of("console lines", "stopped file", "panel rows")) {
                FrameGate.run(root, () -> {
                    ran.add(name);
                    framesSeen.add(frames.get());
                    root.getChildren().add(new Label(name));
                    if (ran.size() == 3) {
                        done.complete(null);
                    }
                });
                if (name.equals("console lines")) {
                    firstRanAtOnce.complete(ran.equals(List.of("console lines")));
                }
            }
        });
        assertTrue(firstRanAtOnce.get(10, TimeUnit.SECONDS), "the first change, with the frame free, ran at once");
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("console lines", "stopped file", "panel rows"), ran);
        assertTrue(framesSeen.get(1) > framesSeen.get(0) && framesSeen.get(2) > framesSeen.get(1),
                "a frame between each two changes: " + framesSeen);
    }

    @Test
    void aChangeAfterTheNextFrameLeavesThatFrameToWhatWasJustAdded() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        CompletableFuture<int[]> ran = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(frames::incrementAndGet);
            Label added = new Label("just added");
            root.getChildren().add(added);
            int asked = frames.get();
            FrameGate.runAfterNextFrame(scene, () -> ran.complete(new int[] {asked, frames.get(), added.getWidth() > 0 ? 1 : 0}));
        });
        int[] seen = ran.get(10, TimeUnit.SECONDS);
        assertTrue(seen[1] > seen[0], "a frame came between the ask and the change: " + seen[0] + " then " + seen[1]);
        assertEquals(1, seen[2], "the label added before was laid out by then");
    }

    @Test
    void outOfAShownWindowChangesRunAtOnce() throws Exception {
        CompletableFuture<List<Integer>> ran = new CompletableFuture<>();
        Platform.runLater(() -> {
            List<Integer> order = new ArrayList<>();
            VBox detached = new VBox();
            FrameGate.run(detached, () -> order.add(1));
            FrameGate.run(detached, () -> order.add(2));
            FrameGate.run((Scene) null, () -> order.add(3));
            ran.complete(order);
        });
        assertEquals(List.of(1, 2, 3), ran.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWindowHiddenWhileChangesWaitRunsThemAtOnce() throws Exception {
        CompletableFuture<List<String>> afterHide = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage other = new Stage();
            VBox otherRoot = new VBox();
            other.setScene(new Scene(otherRoot, 100, 100));
            other.show();
            List<String> ran = new ArrayList<>();
            FrameGate.run(otherRoot, () -> ran.add("first"));
            FrameGate.run(otherRoot, () -> ran.add("second"));
            FrameGate.run(otherRoot, () -> ran.add("third"));
            other.hide(); // no frame will come for the two waiting
            afterHide.complete(new ArrayList<>(ran));
        });
        assertEquals(List.of("first", "second", "third"), afterHide.get(10, TimeUnit.SECONDS));
    }

    @Test
    void stepsComeEachAfterTheFrameThatLaidOutTheOneBefore() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        List<Integer> framesSeen = new ArrayList<>();
        List<Boolean> previousLaidOut = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Label[] added = new Label[1];
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(frames::incrementAndGet);
            List<Runnable> steps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int index = i;
                steps.add(() -> {
                    framesSeen.add(frames.get());
                    // The label the step before added has been styled and laid out (it has a width) by now.
                    previousLaidOut.add(added[0] == null || added[0].getWidth() > 0);
                    added[0] = new Label("step " + index);
                    root.getChildren().add(added[0]);
                    if (index == 2) {
                        done.complete(null);
                    }
                });
            }
            FrameSteps.run(scene, steps);
        });
        done.get(10, TimeUnit.SECONDS);
        assertEquals(3, framesSeen.size());
        assertTrue(framesSeen.get(1) > framesSeen.get(0) && framesSeen.get(2) > framesSeen.get(1),
                "a frame between each two steps: " + framesSeen);
        assertEquals(List.of(true, true, true), previousLaidOut);
    }

    @Test
    void withoutAShownWindowTheStepsRunAtOnceInOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        CompletableFuture<List<Integer>> ran = new CompletableFuture<>();
        Platform.runLater(() -> {
            FrameSteps.run(null, List.of(() -> order.add(1), () -> order.add(2), () -> order.add(3)));
            ran.complete(new ArrayList<>(order));
        });
        assertEquals(List.of(1, 2, 3), ran.get(10, TimeUnit.SECONDS));
    }
}
