package dev.porthole.trace.analysis;

import dev.porthole.trace.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The diff of two runs: per phase name, counts and totals in A and B, largest absolute change first. */
public final class TraceDiff {
    private TraceDiff() {
    }

    /** One phase in both runs; a phase missing from one side has count 0 and total 0 there. */
    public record Row(String name, long countA, long countB, long totalA, long totalB) {
        public long deltaNs() {
            return totalB - totalA;
        }

        /** Change relative to A, or infinity for a phase new in B. */
        public double relative() {
            return totalA == 0 ? (totalB == 0 ? 0 : Double.POSITIVE_INFINITY) : deltaNs() / (double) totalA;
        }
    }

    public static List<Row> of(Trace a, Trace b) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (PhaseStats s : PhaseTable.of(a)) {
            byName.computeIfAbsent(s.name(), k -> new long[4])[0] = s.count();
            byName.get(s.name())[2] = s.totalNs();
        }
        for (PhaseStats s : PhaseTable.of(b)) {
            byName.computeIfAbsent(s.name(), k -> new long[4])[1] = s.count();
            byName.get(s.name())[3] = s.totalNs();
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, v) -> rows.add(new Row(name, v[0], v[1], v[2], v[3])));
        rows.sort(Comparator.comparingLong((Row r) -> Math.abs(r.deltaNs())).reversed().thenComparing(Row::name));
        return rows;
    }
}
