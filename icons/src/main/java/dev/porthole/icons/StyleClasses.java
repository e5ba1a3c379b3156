package dev.porthole.icons;

import javafx.collections.ObservableList;
import javafx.css.Styleable;

/**
 * Style-class changes for cells and other nodes that are updated often. Every change to a node's style classes
 * makes JavaFX match that node (and its children) against the stylesheets again, the costliest CSS step; a cell
 * that removes and re-adds the same class on each update pays it for nothing, once per visible row.
 */
public final class StyleClasses {
    private StyleClasses() {
    }

    /** Adds or removes {@code styleClass} so that its presence is {@code on}; does nothing when it already is. */
    public static void toggle(Styleable node, String styleClass, boolean on) {
        ObservableList<String> classes = node.getStyleClass();
        if (classes.contains(styleClass) != on) {
            if (on) {
                classes.add(styleClass);
            } else {
                classes.removeAll(styleClass);
            }
        }
    }

    /** Leaves exactly {@code wanted} (or none, when null) of the mutually exclusive {@code choices} on the node. */
    public static void choose(Styleable node, String wanted, String... choices) {
        for (String choice : choices) {
            toggle(node, choice, choice.equals(wanted));
        }
    }
}
