package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyledDocument;
import org.junit.jupiter.api.Test;

/** The document chunks built in the background hold the same text and styles as the highlighter's spans. */
class LoadedTextTest {
    private static void assertChunksMatch(String text) {
        StyleSpans<Collection<String>> spans = SyntaxHighlighter.of(SourceLanguage.C).highlight(text);
        List<StyledDocument<Collection<String>, String, Collection<String>>> chunks =
                SourceDocument.LoadedText.of(text, spans).chunks();
        StringBuilder joined = new StringBuilder();
        int offset = 0;
        for (StyledDocument<Collection<String>, String, Collection<String>> chunk : chunks) {
            String chunkText = chunk.getText();
            // Every character of a small text; a sample of a big one (each look-up walks the spans from the start).
            int step = text.length() < 1000 ? 1 : 13;
            for (int i = 0; i < chunkText.length(); i += step) {
                if (chunkText.charAt(i) != '\n') {
                    assertEquals(Set.copyOf(SyntaxHighlighterTest.styleAt(spans, offset + i)),
                            Set.copyOf(chunk.getStyleOfChar(i)), "style at " + (offset + i));
                }
            }
            joined.append(chunkText);
            offset += chunkText.length();
        }
        assertEquals(text, joined.toString());
        int lines = text.split("\n", -1).length;
        assertEquals((lines + SourceDocument.LoadedText.CHUNK_LINES - 1) / SourceDocument.LoadedText.CHUNK_LINES,
                chunks.size());
    }

    @Test
    void aSmallFileIsOneChunkWithTheSameTextAndStyles() {
        assertChunksMatch("int x; // one\n\n/* two\nlines */ return 0;\n");
        assertChunksMatch("");
    }

    @Test
    void aBigFileIsSplitIntoChunksThatConcatenateToIt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2 * SourceDocument.LoadedText.CHUNK_LINES + 7; i++) {
            text.append(i % 3 == 0 ? "/* comment */\n" : "int v" + i + " = " + i + ";\n");
        }
        assertChunksMatch(text.toString());
        assertChunksMatch(text.substring(0, text.length() - 1)); // no final newline
    }
}
