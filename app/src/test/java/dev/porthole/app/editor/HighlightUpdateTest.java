package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** After an edit only the stretch whose styles changed is sent to the FX thread. */
class HighlightUpdateTest {
    private static final String TEXT = "int a = 1;\nint b = 2; // two\nchar *s = \"x\";\nint c = 3;\n";

    private static StyleSpans<Collection<String>> spans(String text) {
        return SyntaxHighlighter.of(SourceLanguage.C).highlight(text);
    }

    /** Styles outside the update are the old ones (shifted by the edit); inside, the new ones. */
    private static void assertUpdateReproduces(String before, String after) {
        HighlightUpdate update = HighlightUpdate.between(spans(before), spans(after));
        StyleSpans<Collection<String>> full = spans(after);
        int from = update.from();
        int to = from + update.changed().length();
        int shift = after.length() - before.length();
        for (int i = 0; i < after.length(); i++) {
            Collection<String> expected = SyntaxHighlighterTest.styleAt(full, i);
            Collection<String> shown;
            if (i < from) {
                shown = SyntaxHighlighterTest.styleAt(spans(before), i);
            } else if (i >= to) {
                shown = SyntaxHighlighterTest.styleAt(spans(before), i - shift);
            } else {
                shown = SyntaxHighlighterTest.styleAt(update.changed(), i - from);
            }
            assertEquals(Set.copyOf(expected), Set.copyOf(shown), "style at " + i + " of " + after);
        }
    }

    @Test
    void nothingChangedMeansAnEmptyUpdate() {
        HighlightUpdate update = HighlightUpdate.between(spans(TEXT), spans(TEXT));
        assertTrue(update.isEmpty());
    }

    @Test
    void typingInsideALineRestylesLittle() {
        String after = TEXT.replace("int b = 2;", "int bb = 2;");
        HighlightUpdate update = HighlightUpdate.between(spans(TEXT), spans(after));
        assertTrue(update.changed().length() < 12, "changed " + update.changed().length() + " characters");
        assertUpdateReproduces(TEXT, after);
    }

    @Test
    void openingACommentRestylesToTheEnd() {
        String after = "/*" + TEXT;
        HighlightUpdate update = HighlightUpdate.between(spans(TEXT), spans(after));
        assertEquals(0, update.from());
        assertTrue(update.changed().length() > after.length() - 5);
        assertUpdateReproduces(TEXT, after);
    }

    @Test
    void deletionsAndInsertionsAnywhereAreReproduced() {
        assertUpdateReproduces(TEXT, TEXT.replace("// two", ""));
        assertUpdateReproduces(TEXT, TEXT.replace("\"x\"", "\"x y z\""));
        assertUpdateReproduces(TEXT, TEXT + "int d;\n");
        assertUpdateReproduces(TEXT, TEXT.substring(5));
        assertUpdateReproduces(TEXT, "");
        assertUpdateReproduces("", TEXT);
        assertUpdateReproduces(TEXT, TEXT.replace("int", "long"));
    }
}
