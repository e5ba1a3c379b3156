package dev.porthole.app.editor;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * One line's gutter: the breakpoint slot, the line number and, on the stopped line, the arrow. Laid out by hand with
 * a plain {@link Text} for the number: the code area makes one of these for every line it shows, and a row of an HBox,
 * a Label (a control with a skin) and two panes cost as much as the line's code itself each time a file was opened or
 * scrolled.
 */
final class GutterLine extends Region {
    static final double MARKER_SIZE = 15;
    private static final double SLOT_WIDTH = MARKER_SIZE + 4;
    /** Space on each side of the number. */
    private static final double NUMBER_LEFT = 4;
    private static final double NUMBER_RIGHT = 2;

    private final int line;
    private final StackPane slot = new StackPane();
    private final Text number;
    /** The current-line arrow, present only while the guest is stopped on this line. */
    private Node arrow;

    GutterLine(int line, String label) {
        this.line = line;
        getStyleClass().add(EditorStyle.GUTTER);
        slot.getStyleClass().add(EditorStyle.BREAKPOINT_SLOT);
        slot.setManaged(false);
        number = new Text(label);
        number.getStyleClass().add(EditorStyle.LINE_NUMBER);
        number.setTextOrigin(VPos.TOP);
        number.setManaged(false);
        getChildren().addAll(slot, number);
        setUserData(line);
    }

    int line() {
        return line;
    }

    /** Shows a breakpoint's marker in the slot, or empties it. */
    void setMarker(Node marker) {
        if (marker == null) {
            slot.getChildren().clear();
        } else {
            slot.getChildren().setAll(marker);
        }
    }

    /** Shows the current-line arrow after the number, or removes it. */
    void setArrow(Node newArrow) {
        if (arrow != null) {
            getChildren().remove(arrow);
        }
        arrow = newArrow;
        if (arrow != null) {
            arrow.setManaged(false);
            getChildren().add(arrow);
        }
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + SLOT_WIDTH + NUMBER_LEFT + number.getLayoutBounds().getWidth() + NUMBER_RIGHT
                + MARKER_SIZE + insets.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        return insets.getTop() + Math.max(MARKER_SIZE, number.getLayoutBounds().getHeight()) + insets.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double top = insets.getTop();
        double height = getHeight() - top - insets.getBottom();
        double x = insets.getLeft();
        slot.resizeRelocate(x, top + (height - MARKER_SIZE) / 2, SLOT_WIDTH, MARKER_SIZE);
        x += SLOT_WIDTH + NUMBER_LEFT;
        double numberHeight = number.getLayoutBounds().getHeight();
        number.relocate(snapPositionX(x), snapPositionY(top + (height - numberHeight) / 2));
        x += number.getLayoutBounds().getWidth() + NUMBER_RIGHT;
        if (arrow != null) {
            layoutInArea(arrow, x, top, MARKER_SIZE, height, 0, HPos.CENTER, VPos.CENTER);
        }
    }
}
