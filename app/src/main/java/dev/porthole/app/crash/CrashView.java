package dev.porthole.app.crash;

import dev.porthole.app.debug.RegisterBits;
import dev.porthole.icons.FrameSteps;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the window shows when a guest panics: the exception, its error code in words, CR2, the registers, and the
 * backtrace with each frame a link to its source line.
 */
public final class CrashView extends ScrollPane {
    public static final String STYLE_CLASS = "ph-crash";

    private final VBox content = new VBox();
    private final BiConsumer<Path, Integer> openSource;
    /** Counts reports shown: the parts of one still coming when the next arrives are dropped. */
    private long shows;

    public CrashView(BiConsumer<Path, Integer> openSource) {
        this.openSource = openSource;
        content.getStyleClass().add(STYLE_CLASS);
        setContent(content);
        setFitToWidth(true);
        showNone();
    }

    public void showNone() {
        shows++;
        Label empty = new Label("No crash. When a guest panics, its exception, registers and symbolized backtrace appear here.");
        empty.getStyleClass().add("ph-empty-state");
        content.getChildren().setAll(empty);
    }

    /**
     * Shows the report a part a frame when on screen ({@link FrameSteps}): the panic and where it was, then the
     * backtrace, then the registers. Its five dozen labels, styled for the first time in one frame with the panel
     * itself, held the FX thread for over 100 ms when a guest panicked (ScreenshotTour).
     */
    public void show(CrashReport report) {
        long shown = ++shows;
        content.getChildren().clear();
        List<Consumer<CrashReport>> parts = List.of(this::showPanic, this::showBacktrace, this::showRegisters);
        FrameSteps.run(getScene(), parts.stream().<Runnable>map(part -> () -> {
            if (shown == shows) {
                part.accept(report);
            }
        }).toList());
    }

    private void showPanic(CrashReport report) {
        var panic = report.panic();

        Label title = new Label("Guest panic: " + panic.description()
                + panic.vector().stream().mapToObj(v -> " (vector " + v + ")").findFirst().orElse(""));
        title.setGraphic(Icons.node(Icon.CRASH, 20));
        title.getStyleClass().add("ph-crash-title");
        title.setId("crash-title");
        content.getChildren().add(title);

        report.faultingFrame().ifPresent(f -> {
            Label where = new Label("in " + f.function().orElse("??") + " at " + f.sourceText());
            where.getStyleClass().add("ph-crash-sub");
            where.setId("crash-where");
            content.getChildren().add(where);
        });

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        if (panic.errorCode().isPresent()) {
            facts.addRow(row++, key("error code"), value(String.format("0x%x — %s", panic.errorCode().getAsLong(), panic.errorCodeMeaning().orElse(""))));
        }
        if (panic.cr2().isPresent()) {
            facts.addRow(row++, key("CR2 (fault address)"), value(String.format("0x%016x", panic.cr2().getAsLong())));
        }
        Long rflags = panic.registers().get("rflags");
        if (rflags != null) {
            facts.addRow(row++, key("RFLAGS"), value(String.format("0x%x  %s", rflags, RegisterBits.summary("rflags", rflags))));
        }
        content.getChildren().add(facts);
    }

    private void showBacktrace(CrashReport report) {
        Label btTitle = new Label("Backtrace");
        btTitle.getStyleClass().add("ph-crash-sub");
        content.getChildren().add(btTitle);
        VBox frames = new VBox(2);
        frames.setId("crash-backtrace");
        for (CrashReport.Frame frame : report.frames()) {
            HBox line = new HBox(8);
            line.getChildren().add(mono(String.format("#%-2d 0x%016x", frame.level(), frame.address())));
            line.getChildren().add(mono(frame.functionText()));
            if (frame.file().isPresent() && frame.line().isPresent()) {
                Hyperlink link = new Hyperlink(frame.sourceText());
                link.setOnAction(e -> openSource.accept(frame.file().get(), frame.line().getAsInt()));
                line.getChildren().add(link);
            } else if (!frame.sourceText().isEmpty()) {
                line.getChildren().add(mono(frame.sourceText()));
            }
            frames.getChildren().add(line);
        }
        content.getChildren().add(frames);
    }

    private void showRegisters(CrashReport report) {
        var panic = report.panic();
        Label regTitle = new Label("Registers at the fault");
        regTitle.getStyleClass().add("ph-crash-sub");
        GridPane registers = new GridPane();
        registers.setHgap(18);
        registers.setVgap(2);
        int i = 0;
        for (Map.Entry<String, Long> r : panic.registers().entrySet()) {
            registers.add(mono(String.format("%-6s 0x%016x", r.getKey(), r.getValue())), i % 4, i / 4);
            i++;
        }
        registers.setPadding(new Insets(0, 0, 0, 4));
        content.getChildren().addAll(regTitle, registers);
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("ph-muted");
        return label;
    }

    private static Label value(String text) {
        return mono(text);
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("ph-mono");
        return label;
    }
}
