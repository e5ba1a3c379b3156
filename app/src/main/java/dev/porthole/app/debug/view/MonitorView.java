package dev.porthole.app.debug.view;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.List;

/**
 * The QEMU Monitor panel: a read-only console of commands and answers, an input line with history (up/down), and
 * one-click buttons for the commands used most when debugging a kernel.
 */
public final class MonitorView extends PanelView<MonitorViewModel> {
    public static final String CONSOLE_ID = "monitor-console";
    public static final String INPUT_ID = "monitor-input";
    /** Commands offered as buttons (their ids: {@code monitor-quick-info-registers}). */
    public static final List<String> QUICK_COMMANDS = List.of("info registers", "info mem", "info tlb", "info mtree -f");

    private final StyleClassedTextArea console = new StyleClassedTextArea();
    private final TextField input = new TextField();

    public MonitorView(MonitorViewModel model) {
        super(model, DebugStyles.MONITOR);
        console.setId(CONSOLE_ID);
        console.setEditable(false);
        console.setWrapText(false);
        console.getStyleClass().addAll(DebugStyles.MONITOR_CONSOLE, DebugStyles.MONO);
        for (MonitorViewModel.Entry e : model.transcript()) {
            append(e);
        }
        model.transcript().addListener((ListChangeListener<MonitorViewModel.Entry>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && model.transcript().isEmpty()) {
                    console.clear();
                }
                change.getAddedSubList().forEach(this::append);
            }
        });

        input.setId(INPUT_ID);
        input.setPromptText("monitor command, e.g. info registers (Up/Down: history)");
        input.getStyleClass().add(DebugStyles.MONO);
        HBox.setHgrow(input, Priority.ALWAYS);
        input.setOnAction(e -> {
            model.send(input.getText());
            input.clear();
        });
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                input.setText(model.historyUp(input.getText()));
                input.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                input.setText(model.historyDown());
                input.end();
                e.consume();
            }
        });
        Label prompt = new Label("(qemu)");
        prompt.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.MUTED);

        HBox quick = toolbar();
        for (String cmd : QUICK_COMMANDS) {
            Button b = new Button(cmd);
            b.setId("monitor-quick-" + cmd.replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
            b.getStyleClass().add("ph-chip");
            b.setOnAction(e -> model.send(cmd));
            quick.getChildren().add(b);
        }
        Button clear = new Button(null, Icons.node(Icon.CLEAR));
        clear.setTooltip(new Tooltip("Clear the console"));
        clear.setOnAction(e -> model.clearTranscript());
        HBox.setHgrow(clear, Priority.NEVER);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        quick.getChildren().addAll(spring, clear);

        setTop(quick);
        javafx.scene.layout.VBox center = new javafx.scene.layout.VBox(new VirtualizedScrollPane<>(console), toolbar(prompt, input));
        javafx.scene.layout.VBox.setVgrow(center.getChildren().get(0), Priority.ALWAYS);
        setCenter(center);
    }

    private void append(MonitorViewModel.Entry entry) {
        String style = switch (entry.kind()) {
            case COMMAND -> DebugStyles.MONITOR_COMMAND;
            case OUTPUT -> DebugStyles.MONITOR_OUTPUT;
            case ERROR -> DebugStyles.MONITOR_ERROR;
        };
        String text = (console.getLength() == 0 ? "" : "\n") + entry.text();
        console.append(text, List.of(style));
        console.requestFollowCaret();
        console.moveTo(console.getLength());
    }

    public StyleClassedTextArea console() {
        return console;
    }

    public TextField input() {
        return input;
    }
}
