package dev.porthole.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.Fixtures;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnikraftLogReaderTest {

    @Test
    void readsARealUnikraftConsoleWithItsGlueEscapesAndCrlf() throws Exception {
        Trace trace = TraceFiles.load(Fixtures.unikraft());
        assertEquals(UnikraftLogReader.FORMAT, trace.report().format());
        List<String> lanes = trace.tracks().stream().map(Track::name).toList();
        assertTrue(lanes.containsAll(List.of("libukconsole", "libkvmplat", "libukboot", "libukallocbbuddy",
                "libukschedcoop", "libukbus", "console")), lanes.toString());
        assertTrue(trace.tracks().stream().allMatch(t -> t.kind() == TrackKind.LANE));

        // the first message, glued to "Booting from ROM..", is still found
        Track console = lane(trace, "libukconsole");
        assertEquals("Registered con0: COM1, flags: IO", trace.name(console.firstEvent()));
        assertEquals(Map.of("level", "Info", "file", "console.c", "line", 176L), trace.args(console.firstEvent()));

        Track platform = lane(trace, "libkvmplat");
        int calibrated = -1;
        for (int e = platform.firstEvent(); e < platform.endEvent(); e++) {
            if (trace.name(e).startsWith("Clock source: TSC")) {
                calibrated = e;
            }
        }
        assertEquals(100_178_000L, trace.start(calibrated));
        assertEquals(111_434_000L, trace.endTime(), "Unikraft halted at 0.111434");

        Track out = lane(trace, "console");
        List<String> printed = new java.util.ArrayList<>();
        for (int e = out.firstEvent(); e < out.endEvent(); e++) {
            printed.add(trace.name(e));
            assertTrue(!trace.name(e).contains("\u001b") && !trace.name(e).contains("\r"), trace.name(e));
        }
        assertTrue(printed.contains("Hello world!"), printed.toString());
        assertTrue(printed.contains("Booting from ROM.."), printed.toString());
        assertTrue(trace.report().warnings().isEmpty(), trace.report().warnings().toString());
    }

    private static Track lane(Trace trace, String name) {
        return trace.tracks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
