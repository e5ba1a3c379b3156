package dev.porthole.app.workbench;

import dev.porthole.app.perf.FrameSteps;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A tab's holder of its panel, which unfolds the panel downwards over its first frames on screen: the panel is laid
 * out at a quarter of its height, then half, then three quarters, then all of it, one frame each. A table or tree
 * makes a cell for each row it shows, and styles it the first time, all in the frame it appears in: the Registers
 * panel's first frame was one block of 74-97 ms on the FX thread, almost all of it its rows. Unfolding, it makes a
 * quarter of them a frame, and the whole panel is there within about 70 ms. Shown again later, the panel keeps its
 * cells and is laid out at once at full height.
 */
final class RevealPane extends Region {
    static final int STEPS = 4;

    private final Rectangle clip = new Rectangle();
    private Node panel;
    /** How many quarters of the height the panel has now: {@link #STEPS} once unfolded. */
    private int step = STEPS;

    RevealPane() {
        getStyleClass().add("ph-panel-holder");
        setClip(clip);
    }

    /** The panel this holder shows, in the scene or not. */
    Node panel() {
        return panel;
    }

    /** Puts the panel in the scene; {@code unfold}: over a few frames (its first showing), else at once. */
    void show(Node shown, boolean unfold) {
        panel = shown;
        getChildren().setAll(shown);
        step = unfold && getScene() != null ? 1 : STEPS;
        if (step < STEPS) {
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> { });
            for (int i = 1; i < STEPS; i++) {
                steps.add(this::unfoldOneMore);
            }
            FrameSteps.run(getScene(), steps);
        }
    }

    /** Takes the panel out of the scene; the panel object lives on and is shown again by {@link #show}. */
    void hide() {
        step = STEPS;
        getChildren().clear();
    }

    private void unfoldOneMore() {
        if (step < STEPS) {
            step++;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        if (!getChildren().isEmpty()) {
            getChildren().get(0).resizeRelocate(0, 0, getWidth(), Math.floor(getHeight() * step / STEPS));
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
