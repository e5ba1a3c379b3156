package dev.porthole.icons;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/** Split panes whose costly side comes on screen after the rest. */
public final class SplitPanes {
    private SplitPanes() {
    }

    /**
     * Leaves {@code late} out of {@code split}'s first frame on screen, an empty region in its place, then puts it back
     * in a frame of its own after that one ({@link FrameGate#runAfterNextFrame}), the dividers where they were, and
     * runs {@code whenBack} (the side's unfolding, say). A split pane cannot itself unfold (see {@link UnfoldingPane}),
     * so its costly side, a table styled for the first time, comes after it: the Trace panel's phase table. A split
     * never put in a shown window has that side from the start.
     */
    public static void joinAFrameLater(SplitPane split, Node late, Runnable whenBack) {
        FrameGate.whenFirstShown(split, scene -> {
            Region toCome = new Region();
            SplitPane.setResizableWithParent(toCome, SplitPane.isResizableWithParent(late));
            if (replace(split, late, toCome)) {
                FrameGate.runAfterNextFrame(scene, () -> {
                    replace(split, toCome, late);
                    whenBack.run();
                });
            }
        });
    }

    /** Puts {@code in} where {@code out} is in {@code split}, the dividers where they were; false if out is not there. */
    public static boolean replace(SplitPane split, Node out, Node in) {
        int at = split.getItems().indexOf(out);
        if (at < 0) {
            return false;
        }
        double[] dividers = split.getDividerPositions();
        split.getItems().set(at, in);
        split.setDividerPositions(dividers);
        return true;
    }
}
