package dev.porthole.launcher.tracestream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceStreamParserTest {
    /** Captured from the sample kernel (app=hello, QEMU 7.2 TCG), shortened. */
    private static final List<String> KERNEL_STREAM = List.of(
            "#porthole-trace 1 tsc_hz=2602606984",
            "i 3587040 boot.entry",
            "B 3895946 boot.serial",
            "E 3964222 boot.serial",
            "B 5051542 boot.memmap",
            "C 5174860 mem.usable kib=65151",
            "E 5575702 boot.memmap",
            "B 14534652 app.hello",
            "E 14785682 app.hello");

    @Test
    void parsesHeaderAndTypedRecords() {
        TraceStream stream = TraceStreamParser.parse(KERNEL_STREAM);
        assertEquals(new TraceHeader(1, 2602606984L), stream.header().orElseThrow());
        assertEquals(8, stream.records().size());
        assertEquals(new TraceRecord('i', 3587040, "boot.entry"), stream.records().get(0));
        assertEquals(new TraceRecord('C', 5174860, "mem.usable", Map.of("kib", "65151")), stream.records().get(4));
        assertEquals("C 5174860 mem.usable kib=65151", stream.records().get(4).toLine());
    }

    @Test
    void toleratesCrlfBlankLinesCommentsAndTabs() {
        TraceStream stream = TraceStreamParser.parse(List.of("#porthole-trace 1 tsc_hz=1000000\r", "", "# a comment",
                "B\t10  a.b k=v x=\r", "E 20 a.b"));
        assertEquals(2, stream.records().size());
        assertEquals(Map.of("k", "v", "x", ""), stream.records().get(0).args());
    }

    @Test
    void malformedLinesSayWhichLineAndWhy() {
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> TraceStreamParser.parse(List.of("#porthole-trace 1 tsc_hz=10", "B 12 ok", "X 13 bad.phase")));
        assertEquals(3, e.lineNumber());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("unknown phase 'X'"), e.getMessage());

        assertMessage("B -5 a", "not an unsigned 64-bit decimal");
        assertMessage("B 99999999999999999999999 a", "not an unsigned 64-bit decimal");
        assertMessage("B 12", "this has 2 fields");
        assertMessage("B 12 k=v", "contains '='");
        assertMessage("B 12 a b", "not key=value");
        assertMessage("B 12 a k=1 k=2", "appears twice");
        assertThrows(TraceFormatException.class, () -> TraceStreamParser.parseHeader("#porthole-trace 2 tsc_hz=5"));
        assertThrows(TraceFormatException.class, () -> TraceStreamParser.parseHeader("#porthole-trace 1 tsc_hz=0"));
        assertThrows(TraceFormatException.class, () -> TraceStreamParser.parseHeader("#porthole-trace 1"));
        assertThrows(TraceFormatException.class, () -> TraceStreamParser.parseHeader("#porthole-trace 1 hz=5"));
    }

    @Test
    void fullRangeUnsignedTscIsAccepted() {
        assertEquals(-1L, TraceStreamParser.parseRecord("i 18446744073709551615 late").tsc());
    }

    @Test
    void lenientParseKeepsGoodLinesAndListsBadOnes() {
        TraceStream stream = TraceStreamParser.parseLenient(List.of("#porthole-trace 1 tsc_hz=10", "B 1 a", "garbage", "E 2 a", "B 3"));
        assertEquals(2, stream.records().size());
        assertEquals(2, stream.errors().size());
        assertEquals(3, stream.errors().get(0).lineNumber());
    }

    @Test
    void phasesAreNestedAndTimedFromTheFirstRecord() {
        List<TraceRecord> records = TraceStreamParser.parse(List.of(
                "#porthole-trace 1 tsc_hz=1000000", // 1 cycle = 1 µs
                "i 100 boot.entry",
                "B 110 boot",
                "B 120 boot.vm",
                "C 125 mem.free pages=3",
                "E 150 boot.vm",
                "E 200 boot",
                "B 210 app.hello",
                "E 260 app.hello")).records();
        GuestPhases phases = GuestPhases.fromRecords(records, 1_000_000);
        assertEquals(List.of(new GuestPhase("boot", 0, null, 10, 90, true), new GuestPhase("boot.vm", 1, "boot", 20, 30, true),
                new GuestPhase("app.hello", 0, null, 110, 50, true)), phases.all());
        assertEquals(List.of("boot", "app.hello"), phases.topLevel().stream().map(GuestPhase::name).toList());
        assertEquals(List.of("boot.vm"), phases.children("boot").stream().map(GuestPhase::name).toList());
    }

    @Test
    void unclosedPhasesRunToTheLastRecordAndStrayEndsAreIgnored() {
        List<TraceRecord> records = List.of(new TraceRecord('E', 5, "never.begun"), new TraceRecord('B', 10, "app.fault"),
                new TraceRecord('B', 12, "inner"), new TraceRecord('i', 40, "panic"));
        GuestPhases phases = GuestPhases.fromRecords(records, 1_000_000);
        assertEquals(2, phases.all().size());
        GuestPhase fault = phases.all().get(0);
        assertEquals("app.fault", fault.name());
        assertEquals(5, fault.startUs());
        assertEquals(30, fault.durationUs());
        assertFalse(fault.closed());
        assertEquals(1, phases.all().get(1).depth());
    }

    @Test
    void endClosesInnerPhasesLeftOpen() {
        GuestPhases phases = GuestPhases.fromRecords(List.of(new TraceRecord('B', 0, "outer"), new TraceRecord('B', 5, "inner"),
                new TraceRecord('E', 9, "outer")), 1_000_000);
        assertEquals(new GuestPhase("outer", 0, null, 0, 9, true), phases.all().get(0));
        assertEquals(new GuestPhase("inner", 1, "outer", 5, 4, false), phases.all().get(1));
    }

    private static void assertMessage(String line, String expected) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceStreamParser.parseRecord(line));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
