package dev.porthole.icons;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work on the FX thread once the renderer has drawn the frames asked for so far. A pulse hands its frame to
 * JavaFX's render thread and returns; the next pulse first waits for that drawing to end. Work posted right after a
 * pulse thus adds its own time to the next pulse's wait for the renderer, in one block: with the software renderer a
 * new panel's first frame takes 60-90 ms to draw, and the console's construction right after it made one block of
 * 131 ms of which 39 ms were its own (ScreenshotTour, -Dporthole.watchdog.blocks). Waiting for the renderer off the
 * FX thread leaves that thread free to answer meanwhile. Here, beside the other shared view helpers, so that every
 * module's views pace their work the same way.
 *
 * <p>JavaFX has no public way to ask whether its renderer is busy; its render thread is a {@link ThreadPoolExecutor}
 * reached by reflection (the window runs JavaFX from the class path, so nothing is sealed). Where that fails, work
 * runs at once, as before.
 */
public final class DrawnFrame {
    /** Longest wait for the renderer: a stuck renderer must not stop the window's work. */
    private static final long MAX_WAIT_MILLIS = 250;
    private static final long POLL_MILLIS = 2;
    /** JavaFX's render thread, or empty where it could not be reached. */
    static final Optional<ThreadPoolExecutor> RENDERER = renderer();
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "porthole-drawn-frame");
        thread.setDaemon(true);
        return thread;
    });

    private DrawnFrame() {
    }

    /**
     * Runs {@code action} on the FX thread after the next frame of {@code scene} is laid out and drawn: for work done a
     * piece per frame (call it on the FX thread).
     */
    public static void afterNextFrame(Scene scene, Runnable action) {
        // After the pulse, not in it: the pulse hands its frame to the renderer only after its layout listeners ran.
        afterNextPulse(scene, () -> Platform.runLater(() -> thenRun(action)));
        Platform.requestNextPulse();
    }

    /** Runs {@code action} once, on the FX thread, right after the next frame of {@code scene} is laid out. */
    public static void afterNextPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Posts {@code action} to the FX thread once the renderer has nothing left to draw (call it from any thread). */
    public static void thenRun(Runnable action) {
        if (RENDERER.isEmpty() || idle(RENDERER.get())) {
            Platform.runLater(action);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        POLLER.execute(new Runnable() {
            @Override
            public void run() {
                if (idle(RENDERER.get()) || System.nanoTime() > deadline) {
                    Platform.runLater(action);
                } else {
                    POLLER.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private static boolean idle(ThreadPoolExecutor renderer) {
        return renderer.getActiveCount() == 0 && renderer.getQueue().isEmpty();
    }

    private static Optional<ThreadPoolExecutor> renderer() {
        try {
            Method instance = Class.forName("com.sun.javafx.tk.quantum.QuantumRenderer").getMethod("getInstance");
            instance.setAccessible(true);
            return Optional.of((ThreadPoolExecutor) instance.invoke(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
