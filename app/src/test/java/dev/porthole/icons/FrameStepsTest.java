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

/** Steps run in order, each in a frame of its own once the window shows, and all at once before it does. */
@ExtendWith(ApplicationExtension.class)
class FrameStepsTest {
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
    void eachStepComesAfterTheFrameThatLaidOutTheOneBefore() throws Exception {
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
