package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The frame every debugger panel shares: an optional tool row on top, the content, and a status line at the bottom
 * that shows the view model's last failure or note (hidden when there is none). Everything a panel is told goes to
 * its view model.
 */
abstract class PanelView<M extends PanelViewModel> extends BorderPane implements DebugPanel {
    /** How much of a panel's content shows through while the target runs. */
    static final double RUNNING_OPACITY = 0.55;

    protected final M model;
    private final Label status = new Label();

    PanelView(M model, String styleClass) {
        this.model = model;
        getStyleClass().addAll(DebugStyles.PANEL, styleClass);
        getStylesheets().add(DebugStyles.STYLESHEET);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                DebugStyles.ensureColours(scene);
            }
        });
        status.getStyleClass().add(DebugStyles.STATUS);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        model.errorProperty().addListener((obs, was, isError) -> {
            if (isError) {
                status.getStyleClass().add(DebugStyles.ERROR);
            } else {
                status.getStyleClass().remove(DebugStyles.ERROR);
            }
        });
        setBottom(status);
        // While the target runs what is shown is stale, so the content fades. As a plain opacity, not a pseudo-class
        // on the panel: a pseudo-class that a selector uses makes JavaFX restyle every node below it, every row of
        // every panel, twice per step.
        model.stoppedProperty().addListener((obs, was, isStopped) -> fadeWhileRunning(getCenter()));
        centerProperty().addListener((obs, old, center) -> {
            if (old != null) {
                old.setOpacity(1);
            }
            fadeWhileRunning(center);
        });
    }

    public M model() {
        return model;
    }

    private void fadeWhileRunning(Node content) {
        if (content != null) {
            content.setOpacity(model.stoppedProperty().get() || !model.hasSession() ? 1 : RUNNING_OPACITY);
        }
    }

    /** A tool row: nodes left to right; a null entry is a spring that pushes the rest to the right. */
    protected static HBox toolbar(Node... nodes) {
        HBox bar = new HBox(4);
        bar.getStyleClass().add(DebugStyles.TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 4, 3, 4));
        for (Node n : nodes) {
            if (n == null) {
                Region spring = new Region();
                HBox.setHgrow(spring, Priority.ALWAYS);
                bar.getChildren().add(spring);
            } else {
                bar.getChildren().add(n);
            }
        }
        return bar;
    }

    @Override
    public void attach(DebugSession session) {
        model.attach(session);
    }

    @Override
    public void onStopped(DebugEvent.Stopped stop) {
        model.onStopped(stop);
    }

    @Override
    public void onRunning() {
        model.onRunning();
    }

    @Override
    public void detach() {
        model.detach();
    }
}
