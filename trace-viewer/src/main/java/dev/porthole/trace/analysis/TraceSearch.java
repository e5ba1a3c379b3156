package dev.porthole.trace.analysis;

import dev.porthole.trace.model.Trace;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds events by name: case-insensitive substring over the interned names (a few thousand strings), then one pass
 * over the name column. Results are event indices in track order, then start order: what a "next match" button
 * steps through.
 */
public final class TraceSearch {
    private TraceSearch() {
    }

    public static int[] byName(Trace trace, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        boolean[] matchingName = new boolean[trace.strings().size()];
        boolean any = false;
        for (int id = 0; id < matchingName.length; id++) {
            matchingName[id] = !needle.isEmpty() && trace.strings().get(id).toLowerCase(Locale.ROOT).contains(needle);
            any |= matchingName[id];
        }
        if (!any) {
            return new int[0];
        }
        int[] hits = new int[64];
        int n = 0;
        for (int e = 0; e < trace.eventCount(); e++) {
            if (matchingName[trace.nameId(e)]) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, n * 2);
                }
                hits[n++] = e;
            }
        }
        return Arrays.copyOf(hits, n);
    }
}
