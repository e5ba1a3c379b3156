package dev.porthole.app.editor;

import java.util.OptionalInt;

/** Plain substring search for the find bar, wrapping around the end (or start) of the text. */
final class TextSearch {
    private TextSearch() {
    }

    static OptionalInt find(String text, String needle, int from, boolean forward) {
        if (needle.isEmpty() || text.length() < needle.length()) {
            return OptionalInt.empty();
        }
        int at = forward ? text.indexOf(needle, from) : text.lastIndexOf(needle, from - 1);
        if (at < 0) {
            at = forward ? text.indexOf(needle) : text.lastIndexOf(needle);
        }
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(at);
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** 1-based position of the match starting at {@code start} among all matches. */
    static int ordinal(String text, String needle, int start) {
        int ordinal = 0;
        for (int at = text.indexOf(needle); at >= 0 && at <= start; at = text.indexOf(needle, at + needle.length())) {
            ordinal++;
        }
        return ordinal;
    }
}
