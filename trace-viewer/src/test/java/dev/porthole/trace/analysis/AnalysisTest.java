package dev.porthole.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.Fixtures;
import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.Trace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    private static Trace chrome(String json) throws Exception {
        return TraceFiles.load(json.getBytes(StandardCharsets.UTF_8), "t.json");
    }

    @Test
    void phaseTableCountsTotalsSelfTimeAndSpread() throws Exception {
        Trace trace = chrome("""
                [{"name":"boot","ph":"X","ts":0,"dur":100,"pid":1,"tid":1},
                 {"name":"heap","ph":"X","ts":10,"dur":30,"pid":1,"tid":1},
                 {"name":"heap","ph":"X","ts":50,"dur":20,"pid":1,"tid":1},
                 {"name":"page","ph":"X","ts":12,"dur":5,"pid":1,"tid":1},
                 {"name":"heap","ph":"X","ts":200,"dur":70,"pid":1,"tid":2}]""");
        List<PhaseStats> rows = PhaseTable.of(trace);
        assertEquals("heap", rows.get(0).name(), "largest total first");
        PhaseStats heap = rows.get(0);
        assertEquals(3, heap.count());
        assertEquals(120_000, heap.totalNs());
        assertEquals(115_000, heap.selfNs(), "page (5 µs) ran inside the first heap");
        assertEquals(20_000, heap.minNs());
        assertEquals(30_000, heap.medianNs());
        assertEquals(70_000, heap.maxNs());
        PhaseStats boot = rows.get(1);
        assertEquals(100_000 - 30_000 - 20_000, boot.selfNs());
    }

    @Test
    void criticalPathListsTheKernelsTopLevelStagesInOrder() throws Exception {
        Trace trace = TraceFiles.load(Fixtures.resource("kernel-hello.trace.log"), "hello.log");
        CriticalPath path = CriticalPath.of(trace);
        List<String> names = path.stages().stream().map(CriticalPath.Stage::name).toList();
        assertEquals(List.of("boot.serial", "boot.cmdline", "boot.gdt", "boot.idt", "boot.memmap", "boot.kalloc",
                "boot.heap", "boot.timer", "boot.vm", "app.hello"), names);
        double shares = path.stages().stream().mapToDouble(CriticalPath.Stage::share).sum();
        assertEquals(1.0, shares + path.gapNs() / (double) path.totalNs(), 1e-9);
        CriticalPath.Stage timer = path.stages().get(7);
        assertTrue(timer.share() > 0.4, "calibrating the TSC against the PIT dominates: " + timer.share());
    }

    @Test
    void diffSortsBySizeOfChange() throws Exception {
        Trace a = chrome("""
                [{"name":"x","ph":"X","ts":0,"dur":10,"pid":1,"tid":1},{"name":"y","ph":"X","ts":10,"dur":100,"pid":1,"tid":1}]""");
        Trace b = chrome("""
                [{"name":"x","ph":"X","ts":0,"dur":60,"pid":1,"tid":1},{"name":"y","ph":"X","ts":60,"dur":90,"pid":1,"tid":1},
                 {"name":"z","ph":"X","ts":200,"dur":5,"pid":1,"tid":1}]""");
        List<TraceDiff.Row> rows = TraceDiff.of(a, b);
        assertEquals(List.of("x", "y", "z"), rows.stream().map(TraceDiff.Row::name).toList());
        assertEquals(50_000, rows.get(0).deltaNs());
        assertEquals(-10_000, rows.get(1).deltaNs());
        assertEquals(0, rows.get(2).countA());
        assertTrue(Double.isInfinite(rows.get(2).relative()));
    }

    @Test
    void searchFindsEventsByNameIgnoringCase() throws Exception {
        Trace trace = TraceFiles.load(Fixtures.chromium());
        int[] hits = TraceSearch.byName(trace, "mojo MESSAGE");
        long expected = java.util.stream.IntStream.range(0, trace.eventCount())
                .filter(e -> trace.name(e).toLowerCase(java.util.Locale.ROOT).contains("mojo message")).count();
        assertEquals(expected, hits.length);
        assertTrue(hits.length >= 2607, "at least every 'Receive mojo message' slice");
        for (int i = 1; i < hits.length; i++) {
            assertTrue(hits[i - 1] < hits[i]);
        }
        assertEquals(0, TraceSearch.byName(trace, "no such phase anywhere").length);
        assertEquals(0, TraceSearch.byName(trace, "").length);
    }
}
