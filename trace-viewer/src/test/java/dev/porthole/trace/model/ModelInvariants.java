package dev.porthole.trace.model;

/** Checks every promise the model makes to a renderer; throws AssertionError on the first broken one. */
public final class ModelInvariants {
    private ModelInvariants() {
    }

    public static void check(Trace trace) {
        int expectedFirst = 0;
        for (Track t : trace.tracks()) {
            require(t.firstEvent() == expectedFirst, "tracks tile the events");
            require(t.eventCount() > 0, "no empty tracks");
            expectedFirst = t.endEvent();
            long[] lastEndAtDepth = new long[t.maxDepth() + 1];
            java.util.Arrays.fill(lastEndAtDepth, Long.MIN_VALUE);
            for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                require(trace.trackOf(e) == t.id(), "trackOf");
                require(trace.duration(e) >= 0, "durations are not negative");
                if (e > t.firstEvent()) {
                    require(trace.start(e - 1) <= trace.start(e), "sorted by start on " + t.label());
                }
                int d = trace.depth(e);
                require(d >= 0 && d <= t.maxDepth(), "depth within maxDepth");
                require(trace.start(e) >= lastEndAtDepth[d] || trace.duration(e) == 0 && trace.start(e) >= lastEndAtDepth[d] - 0,
                        "events of one depth do not overlap on " + t.label() + " at event " + e);
                lastEndAtDepth[d] = Math.max(lastEndAtDepth[d], trace.end(e));
                trace.args(e); // every argument decodes
            }
            // at full range every event is in exactly one rectangle
            LodFrame frame = new LodFrame();
            long to = trace.endTime() == Long.MAX_VALUE ? Long.MAX_VALUE : trace.endTime() + 1;
            trace.lod().query(t.id(), trace.startTime(), to, 997, frame);
            long inRange = 0;
            for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                inRange += trace.start(e) < to ? 1 : 0; // all, unless an instant sits at the very end of time
            }
            long counted = 0;
            for (int i = 0; i < frame.size(); i++) {
                require(0 <= frame.x0(i) && frame.x0(i) < frame.x1(i) && frame.x1(i) <= 997, "rectangle within columns");
                counted += frame.count(i);
            }
            require(counted == inRange, "LOD counts " + counted + " of " + inRange + " events on " + t.label());
        }
        require(expectedFirst == trace.eventCount(), "tracks cover all events");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("model invariant broken: " + what);
        }
    }
}
