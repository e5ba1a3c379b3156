package dev.porthole.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.Fixtures;
import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PortholeTraceReaderTest {

    private static Trace stream(String text) throws Exception {
        return TraceFiles.load(text.getBytes(StandardCharsets.US_ASCII), "trace.log");
    }

    @Test
    void readsTheKernelsBootStagesWithTscConvertedByTscHz() throws Exception {
        // captured from kernel/build/porthole.elf, app=hello, under qemu-system-x86_64 -M microvm -accel tcg
        Trace trace = TraceFiles.load(Fixtures.resource("kernel-hello.trace.log"), "kernel-hello.trace.log");
        assertEquals(PortholeTraceReader.FORMAT, trace.report().format());
        assertTrue(trace.report().warnings().isEmpty(), trace.report().warnings().toString());
        Track cpu = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        assertEquals("guest", cpu.process());
        int timer = -1;
        for (int e = cpu.firstEvent(); e < cpu.endEvent(); e++) {
            if (trace.name(e).equals("boot.timer")) {
                timer = e;
            }
        }
        // B 5744532 / E 11177492 at tsc_hz=2604089210: 5,432,960 cycles = 2,086,320 ns
        assertEquals(EventKind.SLICE, trace.kind(timer));
        assertEquals(5744532L * 1_000_000_000L / 2604089210L, trace.start(timer));
        assertEquals(2_086_320, trace.duration(timer), 1);
        Track freePages = trace.tracks().stream().filter(t -> t.name().equals("mem.free")).findFirst().orElseThrow();
        assertEquals(TrackKind.COUNTER, freePages.kind());
        assertEquals(2, freePages.eventCount());
        assertEquals(32496.0, trace.counterValue(freePages.firstEvent()));
    }

    @Test
    void damagedStreamIsRepairedAndCounted() throws Exception {
        Trace trace = stream("""
                #porthole-trace 1 tsc_hz=1000000000
                B 100 boot.a
                E 200 boot.b
                E 300 boot.a
                E 400 boot.a
                Q 500 what
                B 600 app.crash key=v
                i 700 app.tick
                B 8
                """);
        assertEquals(3, trace.eventCount());
        assertEquals(2, trace.report().unmatchedEnds(), "E boot.b (not the open stage) and the second E boot.a");
        assertEquals(1, trace.report().unclosedBegins());
        assertEquals(2, trace.report().malformed());
        assertEquals(200, trace.duration(trace.tracks().get(0).firstEvent()), "E 300 boot.a closes B 100 boot.a");
        assertTrue(trace.report().warnings().get(2).contains("line 6"), trace.report().warnings().toString());
    }

    @Test
    void withoutHeaderTimeIsUnknowable() {
        UnreadableTraceException e = assertThrows(UnreadableTraceException.class,
                () -> stream("B 100 boot.a\nE 200 boot.a\n#porthole-trace-ish\n"));
        assertTrue(e.getMessage().contains("tsc_hz"), e.getMessage());
    }

    @Test
    void recordsBeforeTheHeaderAreKept() throws Exception {
        Trace trace = stream("B 100 boot.a\nE 200 boot.a\n#porthole-trace 1 tsc_hz=100 tsc=150\nB 300 app\nE 400 app\n");
        assertEquals(2, trace.eventCount());
        assertEquals(1_000_000_000L, trace.start(0), "100 cycles at 100 Hz is one second");
    }
}
