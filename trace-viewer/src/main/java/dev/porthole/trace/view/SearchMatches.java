package dev.porthole.trace.view;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import java.util.Arrays;
import java.util.Locale;

/**
 * The events whose name matches a search, in two orders: by start time (what next/previous walk through) and by
 * event id (grouped by track, start order inside: what the renderer walks lane by lane). Names are tested once
 * per distinct name, not once per event, so a search over a million events costs one pass over an int column.
 */
public final class SearchMatches {
    public static final SearchMatches NONE = new SearchMatches("", false, new boolean[0], new int[0], new int[0], 0);

    private final String query;
    private final boolean exact;
    private final boolean[] nameMatches;
    private final int[] byStart;
    private final int[] byId;
    private final long longestNs;

    private SearchMatches(String query, boolean exact, boolean[] nameMatches, int[] byStart, int[] byId, long longestNs) {
        this.query = query;
        this.exact = exact;
        this.nameMatches = nameMatches;
        this.byStart = byStart;
        this.byId = byId;
        this.longestNs = longestNs;
    }

    /**
     * Slices and instants whose name contains {@code query} (case-insensitive), or equals it when {@code exact}.
     * An empty query matches nothing.
     */
    public static SearchMatches find(Trace trace, String query, boolean exact) {
        if (trace == null || query == null || query.isBlank()) {
            return NONE;
        }
        String needle = query.strip().toLowerCase(Locale.ROOT);
        int names = trace.strings().size();
        boolean[] nameMatches = new boolean[names];
        boolean any = false;
        for (int id = 0; id < names; id++) {
            String name = trace.strings().get(id).toLowerCase(Locale.ROOT);
            nameMatches[id] = exact ? name.equals(needle) : name.contains(needle);
            any |= nameMatches[id];
        }
        if (!any) {
            return new SearchMatches(query.strip(), exact, nameMatches, new int[0], new int[0], 0);
        }
        int count = 0;
        int[] ids = new int[64];
        long longest = 0;
        for (int e = 0, n = trace.eventCount(); e < n; e++) {
            if (nameMatches[trace.nameId(e)] && trace.kind(e) != EventKind.COUNTER) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = e;
                longest = Math.max(longest, trace.duration(e));
            }
        }
        int[] byId = Arrays.copyOf(ids, count);
        int[] byStart = sortByStart(trace, byId);
        return new SearchMatches(query.strip(), exact, nameMatches, byStart, byId, longest);
    }

    private static int[] sortByStart(Trace trace, int[] events) {
        long[] keyed = new long[events.length];
        // start times fit in 44 bits for any trace under 4.8 hours after shifting to the first event
        long base = trace.startTime();
        boolean packable = trace.endTime() - base < (1L << 43) && events.length < (1 << 20);
        if (packable) {
            for (int i = 0; i < events.length; i++) {
                keyed[i] = ((trace.start(events[i]) - base) << 20) | i;
            }
            Arrays.sort(keyed);
            int[] out = new int[events.length];
            for (int i = 0; i < events.length; i++) {
                out[i] = events[(int) (keyed[i] & ((1 << 20) - 1))];
            }
            return out;
        }
        Integer[] boxed = Arrays.stream(events).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> trace.start(a) != trace.start(b) ? Long.compare(trace.start(a), trace.start(b))
                : Integer.compare(a, b));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    public String query() {
        return query;
    }

    public boolean exact() {
        return exact;
    }

    /** Whether a search is active (even one that found nothing). */
    public boolean active() {
        return !query.isEmpty();
    }

    public int count() {
        return byStart.length;
    }

    /** The i-th match in start-time order. */
    public int event(int i) {
        return byStart[i];
    }

    /** Whether the name with this string id matches. */
    public boolean nameMatches(int nameId) {
        return nameId < nameMatches.length && nameMatches[nameId];
    }

    /** Position of {@code event} in start order, or -1. */
    public int indexOf(int event) {
        for (int i = 0; i < byStart.length; i++) {
            if (byStart[i] == event) {
                return i;
            }
        }
        return -1;
    }

    /** First index into {@link #byIdAt} of a match of an event id at or after {@code firstEvent}. */
    public int firstByIdAtOrAfter(int firstEvent) {
        int lo = 0;
        int hi = byId.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byId[mid] < firstEvent) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public int byIdCount() {
        return byId.length;
    }

    public int byIdAt(int i) {
        return byId[i];
    }

    /** The longest matching event's duration: how far before a window's start a match can begin and still show. */
    public long longestNs() {
        return longestNs;
    }
}
