package dev.porthole.trace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LodIndexTest {

    /** Random nested slices and instants on a few tracks, built through the public builder API. */
    private static Trace randomTrace(long seed, int events) {
        Random random = new Random(seed);
        TraceBuilder b = new TraceBuilder();
        int[] names = new int[20];
        for (int i = 0; i < names.length; i++) {
            names[i] = b.strings().intern("n" + i);
        }
        for (int tid = 1; tid <= 3; tid++) {
            int track = b.threadTrack(1, tid);
            long t = 0;
            for (int i = 0; i < events / 3; i++) {
                t += random.nextInt(2000);
                switch (random.nextInt(4)) {
                    case 0 -> b.begin(track, t, names[random.nextInt(20)], 0, b.argsMark());
                    case 1 -> b.end(track, t);
                    case 2 -> b.instant(track, t, names[random.nextInt(20)], 0, b.argsMark());
                    default -> b.slice(track, t, random.nextInt(5000), names[random.nextInt(20)], 0, b.argsMark());
                }
            }
        }
        return b.finish();
    }

    @Test
    void rectanglesCoverExactlyTheColumnsTheEventsCover() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            Trace trace = randomTrace(round, 3000);
            ModelInvariants.check(trace);
            long span = trace.durationTime();
            long from = trace.startTime() + (long) (random.nextDouble() * span * 0.8);
            long to = from + 1 + (long) (random.nextDouble() * (trace.endTime() - from));
            int columns = 1 + random.nextInt(1600);
            double scale = columns / (double) (to - from);
            LodFrame frame = new LodFrame();
            for (Track t : trace.tracks()) {
                trace.lod().query(t.id(), from, to, columns, frame);
                int depths = trace.lod().depthCount(t.id());
                BitSet[] expected = new BitSet[depths];
                BitSet[] actual = new BitSet[depths];
                for (int d = 0; d < depths; d++) {
                    expected[d] = new BitSet();
                    actual[d] = new BitSet();
                }
                long inRange = 0;
                for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                    long s = trace.start(e);
                    long end = trace.end(e);
                    if (end < from || s >= to) {
                        continue;
                    }
                    inRange++;
                    int x0 = s <= from ? 0 : (int) Math.min(columns - 1, (long) ((s - from) * scale));
                    int x1 = end >= to ? columns : (int) Math.min(columns, (long) Math.ceil((end - from) * scale));
                    expected[trace.depth(e)].set(x0, Math.max(x1, x0 + 1));
                }
                long counted = 0;
                for (int i = 0; i < frame.size(); i++) {
                    BitSet row = actual[frame.depth(i)];
                    assertTrue(row.get(frame.x0(i), frame.x1(i)).isEmpty(), "one rectangle per column and depth");
                    row.set(frame.x0(i), frame.x1(i));
                    counted += frame.count(i);
                }
                for (int d = 0; d < depths; d++) {
                    assertEquals(expected[d], actual[d], "round " + round + " track " + t.label() + " depth " + d);
                }
                assertEquals(inRange, counted, "every event in range is counted once");
                assertTrue(frame.size() <= (long) columns * depths);
            }
        }
    }

    @Test
    void aMillionTinyEventsBecomeOneRectanglePerColumnAtMost() {
        TraceBuilder b = new TraceBuilder();
        int track = b.threadTrack(1, 1);
        int name = b.strings().intern("tick");
        for (int i = 0; i < 200_000; i++) {
            b.slice(track, i * 10L, 5, name, 0, b.argsMark());
        }
        Trace trace = b.finish();
        LodFrame frame = new LodFrame();
        trace.lod().query(0, trace.startTime(), trace.endTime(), 800, frame);
        assertTrue(frame.size() <= 800, "got " + frame.size());
        long total = 0;
        for (int i = 0; i < frame.size(); i++) {
            total += frame.count(i);
        }
        assertEquals(200_000, total);
        // zoomed to 100 ns, each event is its own rectangle
        trace.lod().query(0, 1000, 1100, 1000, frame);
        assertEquals(10, frame.size());
        assertEquals(1, frame.count(0));
        assertEquals(100, frame.event(0) == -1 ? -1 : trace.start(frame.event(0)) / 10);
    }

    @Test
    void hitTestingFindsTheSliceUnderTheMouse() {
        TraceBuilder b = new TraceBuilder();
        int track = b.threadTrack(1, 1);
        b.slice(track, 0, 100, b.strings().intern("outer"), 0, b.argsMark());
        b.slice(track, 10, 20, b.strings().intern("inner"), 0, b.argsMark());
        b.instant(track, 50, b.strings().intern("mark"), 0, b.argsMark());
        Trace trace = b.finish();
        assertEquals("outer", trace.name(trace.lod().eventAt(0, 0, 60, 0)));
        assertEquals("inner", trace.name(trace.lod().eventAt(0, 1, 15, 0)));
        assertEquals("mark", trace.name(trace.lod().eventAt(0, 1, 52, 3)));
        assertEquals(-1, trace.lod().eventAt(0, 1, 80, 3));
    }

    @Test
    void wideSlicesAFewMicrosecondsApartStaySeparateBars() {
        TraceBuilder b = new TraceBuilder();
        int track = b.threadTrack(1, 1);
        // like the kernel's boot stages: 100 µs each, 3 µs apart, drawn 10 µs per column
        for (int i = 0; i < 5; i++) {
            b.slice(track, i * 103_000L, 100_000, b.strings().intern("stage" + i), 0, b.argsMark());
        }
        Trace trace = b.finish();
        LodFrame frame = new LodFrame();
        trace.lod().query(0, 0, 515_000, 52, frame);
        assertEquals(5, frame.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("stage" + i, trace.name(frame.event(i)));
            assertEquals(1, frame.count(i));
            if (i > 0) {
                assertEquals(frame.x1(i - 1), frame.x0(i), "starts at the next free column");
            }
        }
    }
}
