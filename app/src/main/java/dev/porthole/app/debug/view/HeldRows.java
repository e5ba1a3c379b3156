package dev.porthole.app.debug.view;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The rows a debugger table shows: its view model's list, except while the target runs. The model then empties its
 * list (nothing stale may pass for current); the table keeps its last rows, out of sight under "Not stopped.", until
 * the next stop is answered. A step, which runs for a moment, so changes each row once instead of emptying the
 * table and filling it again: every row emptied or filled is restyled and laid out anew.
 */
final class HeldRows<T> {
    private final ObservableList<T> model;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper(this, "held", false);

    HeldRows(ObservableList<T> model, PanelViewModel panel) {
        this.model = model;
        shown.setAll(model);
        model.addListener((ListChangeListener<T>) change -> {
            if (model.isEmpty() && !shown.isEmpty() && panel.hasSession() && !panel.stoppedProperty().get()) {
                held.set(true);
            } else {
                release();
            }
        });
        // An answer can leave an empty list empty (a frame with no locals): it lets the old rows go all the same.
        panel.answersProperty().addListener(o -> {
            if (held.get() && panel.stoppedProperty().get()) {
                release();
            }
        });
    }

    private void release() {
        held.set(false);
        if (!shown.equals(model)) {
            shown.setAll(model);
        }
    }

    /** What the table shows. */
    ObservableList<T> rows() {
        return shown;
    }

    /** True while the target runs and the last stop's rows are kept out of sight. */
    ReadOnlyBooleanProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** {@code table} with "Not stopped." in its place while rows are held. */
    Node covering(Node table) {
        Label notStopped = new Label("Not stopped.");
        notStopped.visibleProperty().bind(held);
        table.visibleProperty().bind(held.not());
        return new StackPane(table, notStopped);
    }
}
