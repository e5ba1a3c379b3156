package dev.porthole.icons;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Lets one change that brings new nodes into a shown window happen per frame. Such a change costs its own time and
 * then, in the next pulse, the styling and layout of what it added. Two of them in one frame add up: a guest prints
 * its output and stops at a breakpoint a moment later, and the console's new lines and the stopped file's new tab
 * were styled and laid out in one pulse, one block of 130-150 ms (ScreenshotTour, {@code -Dporthole.watchdog.blocks}),
 * where each alone is about half that. The window's panels coming in steps ({@link FrameSteps}), a panel unfolding
 * ({@link UnfoldingPane}), the workspace's files, the console's new lines and a debugger stop all pass through here.
 *
 * <p>A change asked for when none ran since the last frame runs at once. Otherwise it waits, in order, until the
 * frames of the changes before it are drawn ({@link DrawnFrame}): a frame later, not a moment a person can see. Out
 * of a shown window (a view not placed yet, a test without a stage) a change runs at once.
 */
public final class FrameGate {
    private static final Map<Scene, FrameGate> GATES = new WeakHashMap<>();

    private final Scene scene;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    /** True from a change until its frame is drawn. */
    private boolean frameTaken;

    private FrameGate(Scene scene) {
        this.scene = scene;
        // A hidden window draws no frames: what waits for one would wait for good.
        scene.getWindow().showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                flush();
            }
        });
    }

    /** Runs {@code change} in a frame of its own in {@code view}'s window (call it on the FX thread). */
    public static void run(Node view, Runnable change) {
        run(view.getScene(), change);
    }

    /** Runs {@code change} in a frame of its own of {@code scene}, or at once when it is not shown (or null). */
    public static void run(Scene scene, Runnable change) {
        if (!isShown(scene)) {
            change.run();
            return;
        }
        GATES.computeIfAbsent(scene, FrameGate::new).submit(change);
    }

    /**
     * Runs {@code change} in a frame of its own once the next frame of {@code scene} is drawn: for a change to what was
     * just put on screen, whose first frame must come without it (at once run, it would join that frame). At once
     * out of a shown window.
     */
    public static void runAfterNextFrame(Scene scene, Runnable change) {
        if (!isShown(scene)) {
            change.run();
            return;
        }
        DrawnFrame.afterNextFrame(scene, () -> run(scene, change));
    }

    /**
     * Runs {@code action} once, with the scene, when {@code node} first comes into a window on screen: for work that
     * needs frames (unfolding, a side that joins a frame later), on a node made before it is placed.
     */
    public static void whenFirstShown(Node node, Consumer<Scene> action) {
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene scene) {
                if (isShown(scene)) {
                    node.sceneProperty().removeListener(this);
                    action.accept(scene);
                }
            }
        });
    }

    /** Whether {@code scene} (maybe null) is in a window on screen, where frames come. */
    public static boolean isShown(Scene scene) {
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    private void submit(Runnable change) {
        if (frameTaken) {
            waiting.add(change);
        } else {
            runInFrame(change);
        }
    }

    private void runInFrame(Runnable change) {
        frameTaken = true;
        try {
            change.run();
        } finally {
            // After the next frame is laid out and drawn, and as a task of its own: tasks posted meanwhile (input,
            // the watchdog's probe) run first.
            DrawnFrame.afterNextFrame(scene, this::frameDrawn);
        }
    }

    private void flush() {
        frameTaken = false;
        for (Runnable next = waiting.poll(); next != null; next = waiting.poll()) {
            next.run();
        }
    }

    private void frameDrawn() {
        if (!frameTaken) {
            return; // flushed meanwhile
        }
        frameTaken = false;
        Runnable next = waiting.poll();
        if (next != null) {
            runInFrame(next);
        }
    }
}
