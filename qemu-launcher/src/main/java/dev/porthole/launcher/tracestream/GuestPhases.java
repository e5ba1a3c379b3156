package dev.porthole.launcher.tracestream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The begin/end phases of a trace stream, nested as the guest wrote them: {@code B boot.vm} ... {@code E boot.vm}.
 * An {@code E} closes the innermost open phase with the same name (phases left open inside it are closed there too,
 * marked not {@link GuestPhase#closed() closed}); an {@code E} with no open phase of that name is ignored.
 * Instants and counters are not phases.
 */
public final class GuestPhases {
    private final List<GuestPhase> all;

    private GuestPhases(List<GuestPhase> all) {
        this.all = List.copyOf(all);
    }

    /**
     * @param records the stream's records, in stream order
     * @param tscHz   the header's {@code tsc_hz}
     */
    public static GuestPhases fromRecords(List<TraceRecord> records, long tscHz) {
        if (tscHz <= 0) {
            throw new IllegalArgumentException("tsc_hz must be positive, got " + tscHz);
        }
        if (records.isEmpty()) {
            return new GuestPhases(List.of());
        }
        long base = records.get(0).tsc();
        long last = records.get(records.size() - 1).tsc();
        Deque<Open> open = new ArrayDeque<>();
        List<Built> built = new ArrayList<>();
        int order = 0;
        for (TraceRecord r : records) {
            if (r.phase() == TraceRecord.BEGIN) {
                open.push(new Open(r, order++));
            } else if (r.phase() == TraceRecord.END) {
                if (open.stream().noneMatch(o -> o.begin().name().equals(r.name()))) {
                    continue;
                }
                while (true) {
                    Open o = open.pop();
                    boolean match = o.begin().name().equals(r.name());
                    built.add(new Built(phase(o.begin(), open, r.tsc(), base, tscHz, match), o.order()));
                    if (match) {
                        break;
                    }
                }
            }
        }
        while (!open.isEmpty()) {
            Open o = open.pop();
            built.add(new Built(phase(o.begin(), open, last, base, tscHz, false), o.order()));
        }
        built.sort(Comparator.comparingInt(Built::order));
        return new GuestPhases(built.stream().map(Built::phase).toList());
    }

    private record Open(TraceRecord begin, int order) {
    }

    private record Built(GuestPhase phase, int order) {
    }

    private static GuestPhase phase(TraceRecord begin, Deque<Open> enclosing, long endTsc, long base, long tscHz, boolean closed) {
        String parent = enclosing.isEmpty() ? null : enclosing.peek().begin().name();
        double start = begin.microsSince(base, tscHz);
        double duration = Math.max(0, (endTsc - begin.tsc()) * 1_000_000.0 / tscHz);
        return new GuestPhase(begin.name(), enclosing.size(), parent, start, duration, closed);
    }

    /** Every phase, in the order their B records appear. */
    public List<GuestPhase> all() {
        return all;
    }

    /** The phases at depth 0. */
    public List<GuestPhase> topLevel() {
        return all.stream().filter(GuestPhase::topLevel).toList();
    }

    /** The phases directly inside the given one (by name, depth 1 under it). */
    public List<GuestPhase> children(String parentName) {
        return all.stream().filter(p -> parentName.equals(p.parent())).toList();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
