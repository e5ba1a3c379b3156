package dev.porthole.icons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Work waits for JavaFX's renderer to finish drawing, but never long for a stuck one. (In the app's tests, which have
 * TestFX, in the helper's own package to reach its renderer.)
 */
@ExtendWith(ApplicationExtension.class)
class DrawnFrameTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    private static ThreadPoolExecutor renderer() {
        assertTrue(DrawnFrame.RENDERER.isPresent(),
                "JavaFX's render thread was not found, so DrawnFrame waits for nothing: did JavaFX rename QuantumRenderer?");
        return DrawnFrame.RENDERER.get();
    }

    /** Keeps the render thread busy for {@code millis}, as drawing a big frame does; returns when it has begun. */
    private static AtomicLong busyRenderer(long millis) throws InterruptedException {
        CountDownLatch begun = new CountDownLatch(1);
        AtomicLong endedAt = new AtomicLong(Long.MAX_VALUE);
        renderer().execute(() -> {
            begun.countDown();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            endedAt.set(System.nanoTime());
        });
        assertTrue(begun.await(10, TimeUnit.SECONDS), "the render thread took the job");
        return endedAt;
    }

    @Test
    void workPostedWhileTheRendererDrawsRunsOnceItHasDrawn() throws Exception {
        AtomicLong drawnAt = busyRenderer(150);
        AtomicLong ranAt = new AtomicLong();
        CountDownLatch ran = new CountDownLatch(1);
        DrawnFrame.thenRun(() -> {
            ranAt.set(System.nanoTime());
            ran.countDown();
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the work ran");
        assertTrue(ranAt.get() >= drawnAt.get(), "the work ran after the renderer was done, not while it drew");
    }

    @Test
    void aStuckRendererHoldsTheWorkBackOnlyBriefly() throws Exception {
        AtomicLong drawnAt = busyRenderer(3000);
        CountDownLatch ran = new CountDownLatch(1);
        DrawnFrame.thenRun(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the work ran");
        assertTrue(drawnAt.get() == Long.MAX_VALUE, "the work ran while the renderer was still stuck");
    }
}
