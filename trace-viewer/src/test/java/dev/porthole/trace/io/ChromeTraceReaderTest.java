package dev.porthole.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.Fixtures;
import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceReaderTest {

    private static Trace chrome(String json) throws Exception {
        return TraceFiles.load(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void readsChromiumStartupTraceGzippedAsWritten() throws Exception {
        Trace trace = TraceFiles.load(Fixtures.chromium());

        // 20,880 X + 553 I + 29 B (never ended: the trace stopped while they ran); M, s/f flows and b async are not events
        assertEquals(20880 + 553 + 29, trace.eventCount());
        assertEquals(29, trace.report().unclosedBegins());
        assertEquals(313L, trace.report().skippedPhases().get("s"));
        assertEquals(313L, trace.report().skippedPhases().get("f"));
        assertEquals(1L, trace.report().skippedPhases().get("b"));
        assertFalse(trace.report().truncated());
        Track main = trace.tracks().stream().filter(t -> t.pid() == 29550 && t.tid() == 29550).findFirst().orElseThrow();
        assertEquals("CrBrowserMain", main.name());
        assertEquals("Browser", main.process());
        int first = main.firstEvent();
        for (int e = first + 1; e < main.endEvent(); e++) {
            assertTrue(trace.start(e - 1) <= trace.start(e), "events sorted by start");
        }
        assertTrue(main.maxDepth() > 0, "RunTask slices nest");
        // a nested object argument is kept as JSON text
        boolean sawNested = false;
        for (int e = 0; e < trace.eventCount() && !sawNested; e++) {
            sawNested = trace.args(e).values().stream().anyMatch(v -> v instanceof Trace.JsonText j && j.json().startsWith("{"));
        }
        assertTrue(sawNested);
        assertEquals(1631436910L * 1000, trace.startTime());
    }

    @Test
    void readsBareArrayWithFractionalMicroseconds() throws Exception {
        Trace trace = chrome("""
                [{"name":"a","ph":"X","ts":1.5,"dur":2.25,"pid":1,"tid":2,"args":{"n":3,"f":0.5,"s":"x","b":true}},
                 {"name":"tick","ph":"i","ts":"4.0005","pid":1,"tid":2},
                 {"name":"mem","ph":"C","ts":5,"pid":1,"args":{"kib":100}},
                 {"name":"thread_name","ph":"M","pid":1,"tid":2,"args":{"name":"worker"}}]
                """);
        assertEquals(3, trace.eventCount());
        Track worker = trace.tracks().stream().filter(t -> t.name().equals("worker")).findFirst().orElseThrow();
        int a = worker.firstEvent();
        assertEquals(1500, trace.start(a));
        assertEquals(2250, trace.duration(a));
        assertEquals(3L, trace.args(a).get("n"));
        assertEquals(0.5, trace.args(a).get("f"));
        assertEquals(true, trace.args(a).get("b"));
        assertEquals(4001, trace.start(a + 1), "0.0005 µs rounds half up to 1 ns");
        Track mem = trace.tracks().stream().filter(t -> t.name().equals("mem")).findFirst().orElseThrow();
        assertEquals(EventKind.COUNTER, trace.kind(mem.firstEvent()));
        assertEquals(100.0, trace.counterValue(mem.firstEvent()));
    }

    @Test
    void matchesBeginsAndEndsAndCountsWhatItCannotMatch() throws Exception {
        Trace trace = chrome("""
                {"traceEvents":[
                 {"name":"outer","ph":"B","ts":0,"pid":1,"tid":1},
                 {"name":"inner","ph":"B","ts":10,"pid":1,"tid":1},
                 {"ph":"E","ts":20,"pid":1,"tid":1},
                 {"ph":"E","ts":30,"pid":1,"tid":1},
                 {"ph":"E","ts":40,"pid":1,"tid":1},
                 {"name":"open","ph":"B","ts":50,"pid":1,"tid":1},
                 {"name":"late","ph":"X","ts":60,"dur":40,"pid":1,"tid":1},
                 {"name":"weird","ph":"Z","ts":70,"pid":1,"tid":1},
                 {"name":"nots","ph":"X","pid":1,"tid":1}
                ]}""");
        assertEquals(4, trace.eventCount());
        assertEquals(1, trace.report().unmatchedEnds());
        assertEquals(1, trace.report().unclosedBegins());
        assertEquals(1L, trace.report().skippedPhases().get("Z"));
        assertEquals(1, trace.report().eventsWithoutTimestamp());
        assertEquals(4, trace.report().warnings().size());
        int outer = 0;
        assertEquals("outer", trace.name(outer));
        assertEquals(30_000, trace.duration(outer));
        assertEquals("inner", trace.name(1));
        assertEquals(1, trace.depth(1));
        assertEquals("open", trace.name(2));
        assertEquals(100_000 - 50_000, trace.duration(2), "closed at the trace's end");
    }

    @Test
    void truncatedFileKeepsEventsBeforeTheCutAndSaysWhere() throws Exception {
        byte[] json = Fixtures.chromiumJson();
        byte[] half = Arrays.copyOf(json, json.length / 2);
        Trace trace = TraceFiles.load(half, "half.json");
        assertTrue(trace.report().truncated());
        String where = trace.report().truncation();
        assertTrue(where.contains("byte " + half.length) || where.contains("line"), where);
        assertTrue(trace.eventCount() > 5000, "about half of the events survive: " + trace.eventCount());
        assertTrue(trace.report().warnings().get(0).startsWith("input ends early"));
    }

    @Test
    void truncatedGzipFileIsReadUpToTheCut(@TempDir Path dir) throws Exception {
        byte[] gz = Files.readAllBytes(Fixtures.chromium());
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 3));
        Trace trace = TraceFiles.load(cut);
        assertTrue(trace.report().truncated(), trace.report().warnings().toString());
        assertTrue(trace.eventCount() > 1000);
    }

    @Test
    void arrayWithoutClosingBracketIsComplete() throws Exception {
        Trace trace = chrome("[{\"name\":\"a\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1},\n");
        assertEquals(1, trace.eventCount());
        assertFalse(trace.report().truncated(), trace.report().warnings().toString());
    }

    @Test
    void garbageIsNotATraceAndSaysWhatWasTried() {
        UnreadableTraceException e = assertThrows(UnreadableTraceException.class,
                () -> TraceFiles.load("\u0000\u0001garbage here".getBytes(StandardCharsets.ISO_8859_1), "junk.bin"));
        assertTrue(e.getMessage().startsWith("not a trace I can read: junk.bin"), e.getMessage());
        assertTrue(e.getMessage().contains(ChromeTraceReader.FORMAT), e.getMessage());
        assertTrue(e.getMessage().contains(PortholeTraceReader.FORMAT), e.getMessage());

        UnreadableTraceException json = assertThrows(UnreadableTraceException.class, () -> chrome("{\"hello\": 1}"));
        assertTrue(json.getMessage().contains("traceEvents"), json.getMessage());
        assertTrue(json.getMessage().startsWith("test.json: not a trace I can read as " + ChromeTraceReader.FORMAT), json.getMessage());
        UnreadableTraceException broken = assertThrows(UnreadableTraceException.class, () -> chrome("[nope"));
        assertTrue(broken.getMessage().contains("as " + ChromeTraceReader.FORMAT), broken.getMessage());
    }

    @Test
    void gzipOfAnArrayIsDetected() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("[{\"name\":\"a\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1}]".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, TraceFiles.load(bytes.toByteArray(), "a.json.gz").eventCount());
    }

    @Test
    void extremeTimesSaturateInsteadOfWrapping() throws Exception {
        Trace trace = chrome("""
                [{"name":"a","ph":"X","ts":5000000000000000,"dur":5000000000000000,"pid":1,"tid":1},
                 {"name":"b","ph":"X","ts":-9000000000000000,"dur":1,"pid":1,"tid":1},
                 {"name":"c","ph":"B","ts":-9100000000000000,"pid":1,"tid":2},
                 {"ph":"E","ts":9100000000000000,"pid":1,"tid":2}]""");
        dev.porthole.trace.model.ModelInvariants.check(trace);
        for (int e = 0; e < trace.eventCount(); e++) {
            assertTrue(trace.end(e) >= trace.start(e), trace.name(e));
        }
        assertEquals(Long.MAX_VALUE, trace.endTime());
    }
}
