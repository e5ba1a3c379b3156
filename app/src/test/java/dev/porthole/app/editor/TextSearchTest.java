package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The find bar's matches, with no window: found once, then next, previous and "n of m" looked up. */
class TextSearchTest {
    private static final String TEXT = "Point p; point q; /* POINTER */ int x;";
    //                                  0        9           21

    @Test
    void findsEveryCaseInsensitiveOccurrenceOnce() {
        TextSearch matches = TextSearch.of(TEXT, "point");
        assertEquals(3, matches.count());
        assertEquals(1, matches.ordinal(0));
        assertEquals(2, matches.ordinal(9));
        assertEquals(3, matches.ordinal(21));
        assertEquals(0, matches.ordinal(5), "no match starts there");
        assertEquals(5, matches.matchLength());
    }

    @Test
    void nextAndPreviousWrapAround() {
        TextSearch matches = TextSearch.of(TEXT, "point");
        assertEquals(OptionalInt.of(0), matches.next(0), "a match at the caret is the next one");
        assertEquals(OptionalInt.of(9), matches.next(1));
        assertEquals(OptionalInt.of(0), matches.next(22), "past the last match, back to the first");
        assertEquals(OptionalInt.of(9), matches.previous(21), "previous is before the selection's start");
        assertEquals(OptionalInt.of(21), matches.previous(0), "before the first match, round to the last");
    }

    @Test
    void matchesDoNotOverlapAndAnEmptyQueryMatchesNothing() {
        assertEquals(2, TextSearch.of("aaaaa", "aa").count());
        assertEquals(OptionalInt.of(2), TextSearch.of("aaaaa", "aa").next(1));
        assertEquals(0, TextSearch.of(TEXT, "").count());
        assertEquals(OptionalInt.empty(), TextSearch.of(TEXT, "").next(0));
        assertEquals(OptionalInt.empty(), TextSearch.of(TEXT, "missing").previous(5));
        assertEquals(0, TextSearch.of("ab", "abc").count());
    }
}
