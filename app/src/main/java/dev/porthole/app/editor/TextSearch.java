package dev.porthole.app.editor;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The find bar's matches: every case-insensitive, non-overlapping occurrence of a query in a text, found in one pass
 * when the query or the text changes. Next, previous, the count and "n of m" are then looked up, not searched.
 */
final class TextSearch {
    private final String query;
    private final int[] starts;

    private TextSearch(String query, int[] starts) {
        this.query = query;
        this.starts = starts;
    }

    /** One pass over {@code text}; an empty query matches nothing. */
    static TextSearch of(String text, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        if (needle.isEmpty() || text.length() < needle.length()) {
            return new TextSearch(query, new int[0]);
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        int[] starts = new int[16];
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
        }
        return new TextSearch(query, Arrays.copyOf(starts, count));
    }

    String query() {
        return query;
    }

    int count() {
        return starts.length;
    }

    /** How many characters a match covers (as the text was lowercased: the query's lowercase length). */
    int matchLength() {
        return query.toLowerCase(Locale.ROOT).length();
    }

    /** The first match starting at or after {@code from}, else the first of all (wrapping around the end). */
    OptionalInt next(int from) {
        if (starts.length == 0) {
            return OptionalInt.empty();
        }
        int index = firstAtOrAfter(from);
        return OptionalInt.of(starts[index < starts.length ? index : 0]);
    }

    /** The last match starting before {@code from}, else the last of all (wrapping around the start). */
    OptionalInt previous(int from) {
        if (starts.length == 0) {
            return OptionalInt.empty();
        }
        int index = firstAtOrAfter(from) - 1;
        return OptionalInt.of(starts[index >= 0 ? index : starts.length - 1]);
    }

    /** 1-based position of the match starting at {@code start} among all matches; 0 when none starts there. */
    int ordinal(int start) {
        int index = Arrays.binarySearch(starts, start);
        return index >= 0 ? index + 1 : 0;
    }

    private int firstAtOrAfter(int from) {
        int index = Arrays.binarySearch(starts, from);
        return index >= 0 ? index : -index - 1;
    }
}
