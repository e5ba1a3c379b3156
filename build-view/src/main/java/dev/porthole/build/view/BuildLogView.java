package dev.porthole.build.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The live build log: a read-only RichTextFX area with error, warning and note lines coloured, the status
 * and the elapsed time above it, and a cancel button. Renders {@link BuildLogViewModel}; the app embeds it.
 */
public final class BuildLogView extends BorderPane {
    private final BuildLogViewModel model;
    private final StyleClassedTextArea log = new StyleClassedTextArea();
    private final Timeline ticker;
    /** Lines the model has and the area not yet: held while the log is off screen ({@link #setOnScreen}). */
    private final List<BuildLogViewModel.LogLine> held = new ArrayList<>();
    private boolean onScreen = true;

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
                    held.clear();
                    log.clear();
                }
                if (change.wasAdded()) {
                    held.addAll(change.getAddedSubList());
                }
            }
            if (onScreen) {
                appendHeld();
            }
        });
        held.addAll(model.lines());
        appendHeld();
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

    /**
     * Tells the log whether it is on screen (the app: whether its tab is selected). Off screen it holds new lines
     * and puts them in, in one edit, when shown: an edit costs a RichTextFX area its document update and change
     * events even where nothing shows it, and a build's output cost the first debug stop's frames 70 ms that way.
     */
    public void setOnScreen(boolean shown) {
        onScreen = shown;
        if (shown) {
            appendHeld();
        }
    }

    private void appendHeld() {
        if (!held.isEmpty()) {
            append(held);
            held.clear();
        }
    }

    /** Appends a batch of lines with one text edit and one style edit, then follows the end. */
    private void append(List<? extends BuildLogViewModel.LogLine> batch) {
        int start = log.getLength();
        StringBuilder text = new StringBuilder();
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        for (BuildLogViewModel.LogLine line : batch) {
            text.append(line.text()).append('\n');
            String styleClass = Styles.of(line.severity());
            styles.add(styleClass == null ? List.of() : List.of(styleClass), line.text().length());
            styles.add(List.of(), 1);
        }
        log.appendText(text.toString());
        log.setStyleSpans(start, styles.create());
        log.requestFollowCaret();
        log.moveTo(log.getLength());
    }

    /** The log's text, with the lines held while off screen (for tests and screenshots). */
    public String text() {
        StringBuilder text = new StringBuilder(log.getText());
        held.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    /** The log's text area, for tests that check colours. */
    StyleClassedTextArea area() {
        return log;
    }

    public BuildLogViewModel model() {
        return model;
    }
}
