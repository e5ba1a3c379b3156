package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Put on screen, the pane shows its timeline first and its phase table a frame later (unfolding, in a holder of its
 * own), the divider where it was.
 */
@ExtendWith(ApplicationExtension.class)
class TraceWorkbenchPaneTest {
    private final StackPane root = new StackPane();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(root, 1000, 500);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void thePhaseTableJoinsTheFrameAfterTheTimeline() throws Exception {
        TraceWorkbenchPane pane = WaitForAsyncUtils.asyncFx(() -> new TraceWorkbenchPane()).get(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> tableInFirstFrame = new CompletableFuture<>();
        Platform.runLater(() -> {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                tableInFirstFrame.complete(pane.getPhaseTable().getScene() != null);
            };
            scene.addPostLayoutPulseListener(once[0]);
            root.getChildren().add(pane);
        });
        assertEquals(false, tableInFirstFrame.get(10, TimeUnit.SECONDS), "the phase table in the pane's first frame");
        assertNotNull(pane.getTimeline().getScene());

        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(WaitForAsyncUtils.asyncFx(() -> pane.getPhaseTable().getScene()).get(5, TimeUnit.SECONDS),
                "the phase table, a frame later");
        SplitPane split = (SplitPane) pane.getCenter();
        assertEquals(0.64, WaitForAsyncUtils.asyncFx(() -> split.getDividerPositions()[0]).get(5, TimeUnit.SECONDS), 0.01);
        assertNull(WaitForAsyncUtils.asyncFx(() -> split.getItems().stream()
                .filter(n -> n != pane.getTimeline() && n != pane.getPhaseTable().getParent()).findFirst().orElse(null))
                .get(5, TimeUnit.SECONDS), "nothing else left in the split than the timeline and the table's holder");
    }
}
