package dev.porthole.build.view;

import dev.porthole.build.diag.Severity;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The live build log: a read-only RichTextFX area with error, warning and note lines coloured, the status
 * and the elapsed time above it, and a cancel button. Renders {@link BuildLogViewModel}; the app embeds it.
 */
public final class BuildLogView extends BorderPane {
    private final BuildLogViewModel model;
    private final StyleClassedTextArea log = new StyleClassedTextArea();
    private final Timeline ticker;

    public BuildLogView(BuildLogViewModel model) {
        this.model = model;
        getStylesheets().add(Styles.STYLESHEET);
        log.setEditable(false);
        log.setWrapText(false);
        log.getStyleClass().add(Styles.LOG);

        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        Label elapsed = new Label();
        elapsed.textProperty().bind(model.elapsedTextProperty());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(status, spacer, elapsed, cancel);
        toolbar.getStyleClass().add(Styles.TOOLBAR);

        setTop(toolbar);
        setCenter(new VirtualizedScrollPane<>(log));

        model.lines().addListener((ListChangeListener<BuildLogViewModel.LogLine>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && model.lines().isEmpty()) {
                    log.clear();
                }
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(this::append);
                }
            }
        });
        model.lines().forEach(this::append);
        ticker = new Timeline(new KeyFrame(Duration.millis(200), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    private void append(BuildLogViewModel.LogLine line) {
        int start = log.getLength();
        log.appendText(line.text() + "\n");
        Severity severity = line.severity();
        if (severity != null) {
            log.setStyleClass(start, start + line.text().length(), Styles.of(severity));
        }
        log.requestFollowCaret();
        log.moveTo(log.getLength());
    }

    /** The text shown (for tests and screenshots). */
    public String text() {
        return log.getText();
    }

    public BuildLogViewModel model() {
        return model;
    }
}
