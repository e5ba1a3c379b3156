package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyledDocument;
import org.junit.jupiter.api.Test;

/** The document built in the background holds the same text and styles as the highlighter's spans. */
class LoadedTextTest {
    @Test
    void theBackgroundDocumentMatchesTextAndSpans() {
        String text = "int x; // one\n\n/* two\nlines */ return 0;\n";
        StyleSpans<Collection<String>> spans = SyntaxHighlighter.of(SourceLanguage.C).highlight(text);
        StyledDocument<Collection<String>, String, Collection<String>> doc = SourceDocument.LoadedText.of(text, spans).styled();
        assertEquals(text, doc.getText());
        assertEquals(5, doc.getParagraphs().size());
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                continue;
            }
            assertEquals(Set.copyOf(SyntaxHighlighterTest.styleAt(spans, i)), Set.copyOf(doc.getStyleOfChar(i)),
                    "style at " + i + " ('" + text.charAt(i) + "')");
        }
        assertEquals(List.of(), List.copyOf(doc.getParagraphs().get(0).getParagraphStyle()));
    }
}
