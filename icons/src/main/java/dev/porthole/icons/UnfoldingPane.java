package dev.porthole.icons;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Holds a node that it can unfold downwards over a few frames: laid out at a quarter of its height, then half, then
 * three quarters, then all of it, one frame each (or in more, smaller steps). A table, tree or list makes a cell for
 * each row it shows, and styles it the first time, all in the frame the rows appear in: the Registers panel's first frame was one block of
 * 74-97 ms on the FX thread, almost all of it its rows. Unfolding, it makes a quarter of them a frame, and the whole
 * of it is there within about 70 ms. The workbench's panels unfold the first time they are shown, the workspace's
 * file tree when the workspace's files arrive.
 */
public final class UnfoldingPane extends Region {
    /** Frames to unfold in, unless told otherwise: a quarter of the height a frame. */
    static final int STEPS = 4;

    private final Rectangle clip = new Rectangle();
    private Node content;
    /** Frames to unfold in: the content gets 1/steps more of its height each frame. */
    private final int steps;
    /** How many steps' worth of the height the content has now: {@link #steps} once unfolded, 0 while folded. */
    private int step;
    /** Whether {@link #showUnfoldedFirstTime} has shown its node. */
    private boolean shownBefore;
    /** The height the content unfolds from: 0, or what it had when the pane grew by much at once. */
    private double unfoldingFrom;
    /** Whether the content unfolds what the pane grows by, when it grows by much at once ({@link #unfoldingGrowth}). */
    private boolean unfoldsGrowth;
    /** The content's height at the last layout; -1 until it is laid out in this pane. */
    private double laidOutHeight = -1;
    /** Counts unfoldings: the frame steps of one that was started again or stopped do nothing. */
    private int unfolding;

    public UnfoldingPane() {
        this(STEPS);
    }

    /**
     * Unfolds in {@code steps} frames: more, for content whose first rows cost the most (a window's first tree of
     * files, whose first rows are the first tree cells and file icons it ever makes).
     */
    public UnfoldingPane(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, not " + steps);
        }
        this.steps = steps;
        this.step = steps;
        setClip(clip);
    }

    /**
     * Holds {@code content} and unfolds it when {@code rows} first fill, if it is on screen then: a panel shown empty
     * whose many rows come at once, as Memory's at the first Go. Later rows reuse the cells the first ones made and
     * show at once. (Tables of a few rows, as the Call Stack's, gain nothing from it: they are no taller than their
     * rows, see FitToRows.)
     */
    public static UnfoldingPane unfoldingAtFirstRows(Node content, ObservableList<?> rows) {
        UnfoldingPane pane = new UnfoldingPane();
        pane.show(content, false);
        rows.addListener(new ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> change) {
                if (!rows.isEmpty()) {
                    // Rows that come while the content is off screen are unfolded, if at all, by whoever shows it.
                    rows.removeListener(this);
                    pane.unfold();
                }
            }
        });
        return pane;
    }

    /**
     * Holds {@code content} and unfolds it the first time the pane comes into a window on screen: content inside a
     * control that puts it in the scene only as it makes its skin (a tab of a tab pane not shown before), where no one
     * else sees it arrive.
     */
    public static UnfoldingPane unfoldingWhenFirstShown(Node content) {
        UnfoldingPane pane = new UnfoldingPane();
        pane.show(content, false);
        FrameGate.whenFirstShown(pane, scene -> pane.unfold());
        return pane;
    }

    /**
     * Makes the content unfold the new part when the pane grows by more than a step at once (a split pane's divider
     * moved far, the window maximised), instead of making all its newly shown rows in one frame: the Trace panel made
     * small again for the crash panel gave Memory a score of new rows, one block of 50-60 ms (ScreenshotTour). For a
     * window's panels; an editor, which places its lines by the height it has, keeps its own unfolding.
     */
    public UnfoldingPane unfoldingGrowth() {
        unfoldsGrowth = true;
        return this;
    }

    /** The node this pane holds, in the scene or not. */
    public Node content() {
        return content;
    }

    /** Puts the node in the scene; {@code unfold}: over a few frames, else at once. */
    public void show(Node shown, boolean unfold) {
        content = shown;
        getChildren().setAll(shown);
        step = steps;
        unfolding++;
        laidOutHeight = -1;
        if (unfold) {
            unfold();
        }
    }

    /**
     * Puts the node in the scene, unfolding it the first time this pane shows it: a tab's panel, whose later
     * showings reuse the cells its first one made.
     */
    public void showUnfoldedFirstTime(Node shown) {
        show(shown, !shownBefore);
        shownBefore = true;
    }

    /** Takes the node out of the scene; the node lives on and is shown again by {@link #show}. */
    public void hide() {
        step = steps;
        unfolding++;
        laidOutHeight = -1;
        getChildren().clear();
    }

    /**
     * Lays the node out at no height until {@link #unfold} is called: for content about to change all it shows, as
     * an editor about to show a page far down its file, so that the page comes a quarter at a time. Nothing to do,
     * and false, where {@link #unfold} could not follow.
     */
    public boolean fold() {
        if (!canUnfold()) {
            return false;
        }
        step = 0;
        unfoldingFrom = 0;
        unfolding++;
        requestLayout();
        return true;
    }

    /** Whether the node is folded away, or partly unfolded. */
    public boolean isFolded() {
        return step < steps;
    }

    /**
     * Unfolds the node shown from a quarter of its height, as its many new rows arrive. Nothing to do, and false, out
     * of a window on screen, where no frames come, or for content with a split pane (see {@link #hasSplitPane}); a
     * folded node is then shown whole.
     */
    public boolean unfold() {
        if (!canUnfold()) {
            if (step < steps) {
                step = steps;
                unfolding++;
                requestLayout();
            }
            return false;
        }
        unfoldFrom(0);
        requestLayout();
        return true;
    }

    /** Starts unfolding from {@code height}: a step of the rest a frame. */
    private void unfoldFrom(double height) {
        unfoldingFrom = height;
        step = 1;
        int generation = ++unfolding;
        List<Runnable> frames = new ArrayList<>();
        frames.add(() -> { });
        for (int i = 1; i < steps; i++) {
            frames.add(() -> unfoldOneMore(generation));
        }
        FrameSteps.run(getScene(), frames);
    }

    private boolean canUnfold() {
        return !getChildren().isEmpty() && FrameGate.isShown(getScene()) && !hasSplitPane(getChildren().get(0));
    }

    /**
     * A split pane laid out short moves its dividers to give each side its minimum height, and keeps them there: the
     * Layout panel's treemap took the symbol table's half for good. Content with one is shown whole at once.
     */
    private static boolean hasSplitPane(Node content) {
        return content instanceof SplitPane || content.lookup(".split-pane") != null;
    }

    private void unfoldOneMore(int generation) {
        if (generation == unfolding && step < steps) {
            step++;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        if (!getChildren().isEmpty()) {
            Node child = getChildren().get(0);
            // As tall as the pane, or as its content allows (a table no taller than its rows, FitToRows).
            double full = Math.min(getHeight(), Math.max(child.minHeight(getWidth()), child.maxHeight(getWidth())));
            if (unfoldsGrowth && step == steps && laidOutHeight >= 0 && full - laidOutHeight > full / steps && canUnfold()) {
                unfoldFrom(laidOutHeight);
            }
            double height = step == steps ? full : Math.floor(unfoldingFrom + (full - unfoldingFrom) * step / steps);
            child.resizeRelocate(0, 0, getWidth(), height);
            laidOutHeight = height;
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return getChildren().isEmpty() ? 0 : getChildren().get(0).prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return getChildren().isEmpty() ? 0 : getChildren().get(0).prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
