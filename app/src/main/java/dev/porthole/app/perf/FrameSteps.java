package dev.porthole.app.perf;

import dev.porthole.icons.DrawnFrame;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.scene.Scene;

/**
 * Runs pieces of work on the FX thread one per frame: each starts once the frame that styled and laid out what the
 * one before it added is drawn ({@link DrawnFrame}). Work that adds many nodes for the first time (a window's panels,
 * a workspace's editor) costs its own time and then that styling and layout in the next pulse; done in one go, the
 * two add up to one long freeze, while in steps the window keeps drawing and answering between them.
 *
 * <p>Without a scene (a view not shown yet, as in some tests) the steps run at once, in order.
 */
public final class FrameSteps {
    private final Scene scene;
    private final Deque<Runnable> steps;

    private FrameSteps(Scene scene, List<Runnable> steps) {
        this.scene = scene;
        this.steps = new ArrayDeque<>(steps);
    }

    /** Runs the steps on the FX thread (call it there): the first now, each next one after the frame that follows. */
    public static void run(Scene scene, List<Runnable> steps) {
        new FrameSteps(scene, steps).next();
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        step.run();
        if (steps.isEmpty()) {
            return;
        }
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            next();
            return;
        }
        // After the next frame is laid out and drawn, and as a task of its own: tasks posted meanwhile (input, the
        // watchdog's probe) run first.
        DrawnFrame.afterNextFrame(scene, this::next);
    }
}
