package dev.porthole.icons;

import java.util.List;
import javafx.scene.Scene;

/**
 * Runs pieces of work on the FX thread one per frame, in order: each in a frame of its own ({@link FrameGate}), once
 * the frame that styled and laid out what the one before it added is drawn. Work that adds many nodes for the first
 * time (a window's panels, a workspace's editor) costs its own time and then that styling and layout in the next
 * pulse; done in one go, the two add up to one long freeze, while in steps the window keeps drawing and answering
 * between them.
 *
 * <p>Without a scene (a view not shown yet, as in some tests) the steps run at once, in order.
 */
public final class FrameSteps {
    private FrameSteps() {
    }

    /** Runs the steps on the FX thread (call it there): the first as soon as the frame is free, each next one after. */
    public static void run(Scene scene, List<Runnable> steps) {
        for (Runnable step : steps) {
            FrameGate.run(scene, step);
        }
    }
}
