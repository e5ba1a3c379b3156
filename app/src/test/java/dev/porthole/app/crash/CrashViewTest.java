package dev.porthole.app.crash;

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
    /** The real kernel's panic, app=fault on microvm (as in PanicReportTest). */
    private static final List<String> FAULT_CONSOLE = List.of(
            "panic: page fault (vector 14) err=0x0000000000000002 cr2=0x0000007fffdead00",
            "rax=0x0000000000000000 rbx=0x0000000000000000 rcx=0x00000000000003f8 rdx=0x00000000000003fd",
            "rsi=0x0000000000000000 rdi=0x0000000000000000 rbp=0x0000000000108fa8 rsp=0x0000000000108fa0",
            "r8=0x0000000000000000 r9=0x0000000000000000 r10=0x0000000000000000 r11=0x0000000000000000",
            "r12=0x0000000000000000 r13=0x0000000000000000 r14=0x0000000000000000 r15=0x0000000000000000",
            "rip=0x0000000000101b0e rflags=0x0000000000000046 cs=0x0000000000000008 ss=0x0000000000000010",
            "backtrace:",
            "  #0 0x0000000000101b0e",
            "  #1 0x0000000000101b2a",
            "panic: end");

    private CrashView view;

    @Start
    void start(Stage stage) {
        view = new CrashView((file, line) -> { });
        stage.setScene(new Scene(view, 700, 500));
        stage.show();
    }

    private static CrashReport report(String firstLine) {
        List<String> lines = new java.util.ArrayList<>(FAULT_CONSOLE);
        lines.set(0, firstLine);
        return CrashReport.symbolize(PanicReport.parse(lines).orElseThrow(), Optional.empty(), List.of());
    }

    @Test
    void onScreenThePanicComesFirstAndTheBacktraceAndRegistersInTheFramesAfter() throws Exception {
        List<String> atOnce = WaitForAsyncUtils.asyncFx(() -> {
            view.show(report(FAULT_CONSOLE.get(0)));
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
            view.show(report(FAULT_CONSOLE.get(0)));
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
            detached.show(report(FAULT_CONSOLE.get(0)));
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
