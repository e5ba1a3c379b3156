package dev.porthole.trace.analysis;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The phase table: per slice name, count, total, self time and min/median/max, largest total first. */
public final class PhaseTable {
    private PhaseTable() {
    }

    public static List<PhaseStats> of(Trace trace) {
        int names = trace.strings().size();
        long[] count = new long[names];
        long[] total = new long[names];
        long[] self = new long[names];
        long[][] durations = new long[names][];
        long[] selfOfEvent = new long[trace.eventCount()];
        for (Track track : trace.tracks()) {
            int[] openAtDepth = new int[Math.max(1, track.maxDepth() + 1)];
            for (int e = track.firstEvent(); e < track.endEvent(); e++) {
                if (trace.kind(e) != EventKind.SLICE) {
                    continue;
                }
                int d = trace.depth(e);
                long dur = trace.duration(e);
                selfOfEvent[e] += dur;
                if (d > 0) {
                    int parent = openAtDepth[d - 1];
                    long overlap = Math.min(trace.end(e), trace.end(parent)) - trace.start(e);
                    selfOfEvent[parent] -= Math.max(0, overlap);
                }
                openAtDepth[d] = e;
            }
        }
        for (int e = 0; e < trace.eventCount(); e++) {
            if (trace.kind(e) != EventKind.SLICE) {
                continue;
            }
            int n = trace.nameId(e);
            if (durations[n] == null) {
                durations[n] = new long[4];
            } else if (count[n] == durations[n].length) {
                durations[n] = Arrays.copyOf(durations[n], durations[n].length * 2);
            }
            durations[n][(int) count[n]++] = trace.duration(e);
            total[n] += trace.duration(e);
            self[n] += Math.max(0, selfOfEvent[e]);
        }
        List<PhaseStats> rows = new ArrayList<>();
        for (int n = 0; n < names; n++) {
            if (count[n] == 0) {
                continue;
            }
            long[] d = Arrays.copyOf(durations[n], (int) count[n]);
            Arrays.sort(d);
            rows.add(new PhaseStats(trace.strings().get(n), count[n], total[n], self[n], d[0], d[(d.length - 1) / 2],
                    d[d.length - 1]));
        }
        rows.sort(Comparator.comparingLong(PhaseStats::totalNs).reversed().thenComparing(PhaseStats::name));
        return rows;
    }
}
