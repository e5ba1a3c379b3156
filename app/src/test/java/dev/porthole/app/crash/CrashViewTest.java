package dev.porthole.app.crash;

import static dev.porthole.app.debug.PanicReportTest.FAULT_CONSOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.debug.PanicReport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The crash panel shows the whole report, a part a frame on screen, at once off it; a newer report replaces it. */
@ExtendWith(ApplicationExtension.class)
class CrashViewTest {
    private CrashView view;

    @Start
    void start(Stage stage) {
        view = new CrashView((file, line) -> { });
        stage.setScene(new Scene(view, 700, 500));
        stage.show();
    }

    /** The panic line of the real kernel's app=fault. */
    private static final String PANIC_LINE = FAULT_CONSOLE.stream().filter(l -> l.startsWith("panic: page fault"))
            .findFirst().orElseThrow();

    /** The real kernel's panic, its first line replaced by {@code panicLine}. */
    private static CrashReport report(String panicLine) {
        List<String> lines = new java.util.ArrayList<>(FAULT_CONSOLE);
        lines.set(lines.indexOf(PANIC_LINE), panicLine);
        return CrashReport.symbolize(PanicReport.parse(lines).orElseThrow(), Optional.empty(), List.of());
    }

    @Test
    void onScreenThePanicComesFirstAndTheBacktraceAndRegistersInTheFramesAfter() throws Exception {
        List<String> atOnce = WaitForAsyncUtils.asyncFx(() -> {
            view.show(report(PANIC_LINE));
            return texts(view);
        }).get(5, TimeUnit.SECONDS);
        assertTrue(atOnce.stream().anyMatch(t -> t.startsWith("Guest panic: page fault")), "the panic at once: " + atOnce);
        assertFalse(atOnce.contains("Backtrace"), "the backtrace in a later frame: " + atOnce);
        List<String> whole = waitForRegisters();
        assertEquals(1, whole.stream().filter("Backtrace"::equals).count(), whole.toString());
        assertTrue(whole.stream().anyMatch(t -> t.startsWith("#1 ")), "both frames of the backtrace: " + whole);
        assertTrue(whole.stream().anyMatch(t -> t.startsWith("rip") && t.endsWith("0x0000000000101b0e")), whole.toString());
    }

    @Test
    void aNewerReportReplacesOneStillComing() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.show(report(PANIC_LINE));
            view.show(report("panic: page fault (vector 14) err=0x0000000000000000 cr2=0x0000000000000bad"));
        }).get(5, TimeUnit.SECONDS);
        List<String> whole = waitForRegisters();
        assertTrue(whole.contains("0x0000000000000bad"), "the newer report's CR2: " + whole);
        assertFalse(whole.contains("0x0000007fffdead00"), "not the older one's: " + whole);
        assertEquals(1, whole.stream().filter("Backtrace"::equals).count(), "one report's parts only: " + whole);
        assertEquals(1, whole.stream().filter("Registers at the fault"::equals).count(), whole.toString());
    }

    @Test
    void offScreenTheWholeReportIsThereAtOnce() throws Exception {
        List<String> atOnce = WaitForAsyncUtils.asyncFx(() -> {
            CrashView detached = new CrashView((file, line) -> { });
            detached.show(report(PANIC_LINE));
            return texts(detached);
        }).get(5, TimeUnit.SECONDS);
        assertTrue(atOnce.contains("Backtrace") && atOnce.contains("Registers at the fault"), atOnce.toString());
    }

    private List<String> waitForRegisters() throws TimeoutException, Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> texts(view))
                .get(5, TimeUnit.SECONDS).contains("Registers at the fault"));
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> texts(view)).get(5, TimeUnit.SECONDS);
    }

    private static List<String> texts(Node root) {
        List<String> texts = new java.util.ArrayList<>();
        collect(root instanceof CrashView crash ? crash.getContent() : root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText().trim());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }
}
