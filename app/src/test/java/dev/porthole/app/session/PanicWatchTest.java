package dev.porthole.app.session;

import org.junit.jupiter.api.Test;

import dev.porthole.app.debug.PanicReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanicWatchTest {
    /** The sample kernel's report for app=fault, as its console prints it. */
    private static final List<String> REPORT = List.of(
            "fault: writing to 0x0000007fffdead00",
            "panic: page fault (vector 14) err=0x0000000000000002 cr2=0x0000007fffdead00",
            "rip=0x0000000000101b0e rflags=0x0000000000000046 cs=0x0000000000000008 ss=0x0000000000000010",
            "backtrace:",
            "  #0 0x0000000000101b0e",
            "  #1 0x0000000000101b2a",
            "panic: end");

    @Test
    void aStopAtThePanicExitBeforeTheConsoleHasTheWholeReportLeavesItToTheEndLine() {
        PanicWatch watch = new PanicWatch();
        List<String> console = new ArrayList<>(REPORT.subList(0, 4));

        assertTrue(watch.check(() -> console).isEmpty(), "half a report is not a report");

        console.addAll(REPORT.subList(4, REPORT.size()));
        assertTrue(PanicWatch.endsAReport(console.get(console.size() - 1)));
        assertEquals(0x101b0eL, watch.check(() -> console).orElseThrow().registers().get("rip"));
    }

    @Test
    void aPanicIsReportedOnceWhicheverSignComesFirstUntilTheNextRun() {
        PanicWatch watch = new PanicWatch();

        assertTrue(watch.check(() -> REPORT).isPresent(), "the console's end line");
        assertTrue(watch.check(() -> REPORT).isEmpty(), "the debugger's stop at the panic exit, after it");

        watch.reset();
        assertTrue(watch.check(() -> REPORT).isPresent(), "the next run's panic");
    }

    @Test
    void onlyTheEndLineCompletesAReport() {
        assertTrue(PanicWatch.endsAReport("panic: end"));
        assertFalse(PanicWatch.endsAReport("panic: page fault (vector 14) err=0x0000000000000002 cr2=0x0000007fffdead00"));
        assertFalse(PanicWatch.endsAReport("fault: writing to 0x0000007fffdead00"));
    }
    /**
     * The console delivers its lines holding its own lock, and its end line asks here; the debugger's stop asks here
     * too and then reads the console. Taking the two locks in opposite orders hung both threads: the crash view never
     * came, with the guest stopped at its panic exit (WorkbenchUiTest, once in a few CI runs).
     */
    @Test
    void theConsoleAndTheDebuggerAskingAtOnceDoNotHangEachOther() throws Exception {
        PanicWatch watch = new PanicWatch();
        Object consoleLock = new Object();
        Supplier<List<String>> consoleLines = () -> {
            synchronized (consoleLock) {
                return REPORT;
            }
        };
        CountDownLatch consoleHoldsItsLock = new CountDownLatch(1);
        List<Optional<PanicReport>> answers = Collections.synchronizedList(new ArrayList<>());
        Thread debugger = new Thread(() -> {
            try {
                consoleHoldsItsLock.await();
            } catch (InterruptedException e) {
                return;
            }
            answers.add(watch.check(consoleLines));
        }, "debugger");
        Thread console = new Thread(() -> {
            synchronized (consoleLock) {
                consoleHoldsItsLock.countDown();
                // The debugger is inside its look, waiting for the console's lines: now the end line asks.
                while (debugger.getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
                answers.add(watch.check(consoleLines));
            }
        }, "console");
        debugger.setDaemon(true);
        console.setDaemon(true);
        debugger.start();
        console.start();
        console.join(5_000);
        debugger.join(5_000);

        assertFalse(console.isAlive() || debugger.isAlive(), "a thread still waits: " + console.getState() + ", " + debugger.getState());
        assertEquals(1, answers.stream().filter(Optional::isPresent).count(), "the report, handed out once: " + answers);
    }
}
