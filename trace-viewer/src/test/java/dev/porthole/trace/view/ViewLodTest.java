package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewLodTest {
    private static Trace slices(long[][] startAndDuration) {
        TraceBuilder b = new TraceBuilder();
        StringPool s = b.strings();
        int track = b.threadTrack(1, 1);
        for (int i = 0; i < startAndDuration.length; i++) {
            b.slice(track, startAndDuration[i][0], startAndDuration[i][1], s.intern("s" + i), 0, b.argsMark());
        }
        return b.finish();
    }

    @Test
    void wideSlicesThatTouchKeepTheirOwnRectangles() {
        // three 100 ns slices, 1 ns apart: at 1000 columns over 300 ns each is ~333 columns wide
        Trace t = slices(new long[][] {{0, 100}, {101, 100}, {202, 98}});
        ViewLod.LodRects out = new ViewLod.LodRects();
        new ViewLod(t).query(0, 0, 300, 1000, out);
        assertEquals(3, out.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(1, out.count(i));
            assertTrue(i == 0 || out.x0(i) >= out.x1(i - 1), "rectangles do not share a column");
        }
        // the core's query chains them into one: this is why the view has its own
        dev.porthole.trace.model.LodFrame core = new dev.porthole.trace.model.LodFrame();
        t.lod().query(0, 0, 300, 1000, core);
        assertTrue(core.size() <= 3);
    }

    @Test
    void subPixelEventsMergeIntoOneBusyRectangle() {
        long[][] many = new long[1000][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new long[] {i * 10L, 5};
        }
        Trace t = slices(many);
        ViewLod.LodRects out = new ViewLod.LodRects();
        new ViewLod(t).query(0, 0, 10_000, 100, out); // 100 ns per column: 10 events per column
        int total = 0;
        for (int i = 0; i < out.size(); i++) {
            total += out.count(i);
        }
        assertEquals(1000, total, "every event is accounted for");
        assertTrue(out.size() <= 100, "at most one rectangle per column: " + out.size());
    }

    @Test
    void neverMoreThanOneRectanglePerColumnAndDepthAndEveryEventCounted() {
        Trace t = ViewFixtures.generated(40_000, 4);
        ViewLod lod = new ViewLod(t);
        ViewLod.LodRects out = new ViewLod.LodRects();
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            long span = 1 + (long) (t.durationTime() * Math.pow(10, -4 * random.nextDouble()));
            long from = t.startTime() + (long) (random.nextDouble() * (t.durationTime() - span));
            int columns = 200 + random.nextInt(1600);
            for (int track = 0; track < t.tracks().size(); track++) {
                lod.query(track, from, from + span, columns, out);
                int[] lastEnd = new int[lod.depthCount(track)];
                long counted = 0;
                for (int i = 0; i < out.size(); i++) {
                    assertTrue(out.x0(i) >= lastEnd[out.depth(i)], "overlapping rectangles in one row");
                    assertTrue(out.x1(i) > out.x0(i) && out.x1(i) <= columns);
                    lastEnd[out.depth(i)] = out.x1(i);
                    counted += out.count(i);
                }
                long inView = 0;
                for (int e = t.track(track).firstEvent(); e < t.track(track).endEvent(); e++) {
                    if (t.end(e) >= from && t.start(e) < from + span) {
                        inView++;
                    }
                }
                assertEquals(inView, counted, "round " + round + " track " + track);
            }
        }
    }
}
