package dev.porthole.trace.analysis;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The boot critical path: the top-level guest stages in the order they ran, each with its share of the span
 * from the first stage's start to the last one's end. Time between stages is reported as {@link #gapNs()}.
 * For traces without a guest CPU track (a Chrome file), the busiest track's top-level slices stand in.
 */
public record CriticalPath(String track, long totalNs, long gapNs, List<Stage> stages) {

    /** One top-level stage. */
    public record Stage(String name, long startNs, long durationNs, double share) {
    }

    public static CriticalPath of(Trace trace) {
        Track chosen = null;
        long best = -1;
        for (Track t : trace.tracks()) {
            long busy = topLevelTime(trace, t);
            boolean guest = t.kind() == TrackKind.GUEST_CPU;
            boolean chosenGuest = chosen != null && chosen.kind() == TrackKind.GUEST_CPU;
            if (busy > 0 && (chosen == null || (guest && !chosenGuest) || (guest == chosenGuest && busy > best))) {
                chosen = t;
                best = busy;
            }
        }
        if (chosen == null) {
            return new CriticalPath("", 0, 0, List.of());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int e = chosen.firstEvent(); e < chosen.endEvent(); e++) {
            if (isStage(trace, e)) {
                first = Math.min(first, trace.start(e));
                last = Math.max(last, trace.end(e));
            }
        }
        long total = last - first;
        List<Stage> stages = new ArrayList<>();
        long covered = 0;
        for (int e = chosen.firstEvent(); e < chosen.endEvent(); e++) {
            if (isStage(trace, e)) {
                stages.add(new Stage(trace.name(e), trace.start(e), trace.duration(e),
                        total == 0 ? 0 : trace.duration(e) / (double) total));
                covered += trace.duration(e);
            }
        }
        return new CriticalPath(chosen.label(), total, Math.max(0, total - covered), stages);
    }

    private static boolean isStage(Trace trace, int e) {
        return trace.kind(e) == EventKind.SLICE && trace.depth(e) == 0;
    }

    private static long topLevelTime(Trace trace, Track t) {
        long sum = 0;
        for (int e = t.firstEvent(); e < t.endEvent(); e++) {
            if (isStage(trace, e)) {
                sum += trace.duration(e);
            }
        }
        return sum;
    }
}
