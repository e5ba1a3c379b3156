package dev.porthole.app.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
}
