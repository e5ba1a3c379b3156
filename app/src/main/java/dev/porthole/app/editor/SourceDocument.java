package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledDocument;

/**
 * One open file, one editor tab: its path, whether its text has arrived from disk, whether the user changed it since
 * the last save, and the latest highlighting computed for it. The text itself lives in the view's code area once
 * loaded; the view model gets it back only to save or re-highlight.
 */
public final class SourceDocument {
    public enum State { LOADING, READY, FAILED }

    /**
     * The text as read from disk, with its highlighting and the code area's document model built from both, all
     * computed off the FX thread. The model comes in chunks of {@link #CHUNK_LINES} lines, so the FX thread puts a big
     * file into the area a chunk per event and keeps drawing frames in between. Every chunk after the first starts
     * with an empty paragraph, which merges into the end of the text before it: the chunks' texts concatenate to the
     * file's text.
     */
    public record LoadedText(String text, StyleSpans<Collection<String>> highlighting,
            List<StyledDocument<Collection<String>, String, Collection<String>>> chunks) {
        public static final int CHUNK_LINES = 2000;

        public static LoadedText of(String text, StyleSpans<Collection<String>> highlighting) {
            List<StyledDocument<Collection<String>, String, Collection<String>>> chunks = new ArrayList<>();
            ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder = newBuilder();
            int linesInChunk = 0;
            // The builder wants each paragraph's spans without its line break: walk lines and spans together once.
            Iterator<StyleSpan<Collection<String>>> spans = highlighting.iterator();
            StyleSpan<Collection<String>> span = spans.hasNext() ? spans.next() : null;
            int spanLeft = span == null ? 0 : span.getLength();
            int lineStart = 0;
            while (true) {
                int newline = text.indexOf('\n', lineStart);
                int lineEnd = newline < 0 ? text.length() : newline;
                StyleSpansBuilder<Collection<String>> lineSpans = new StyleSpansBuilder<>();
                int need = lineEnd - lineStart;
                lineSpans.add(List.of(), 0);
                while (need > 0 && span != null) {
                    while (spanLeft == 0 && spans.hasNext()) {
                        span = spans.next();
                        spanLeft = span.getLength();
                    }
                    int take = Math.min(need, spanLeft);
                    lineSpans.add(span.getStyle(), take);
                    need -= take;
                    spanLeft -= take;
                }
                builder.addParagraph(text.substring(lineStart, lineEnd), lineSpans.create());
                linesInChunk++;
                if (newline < 0) {
                    break;
                }
                // Step over the line break in the spans too.
                while (spanLeft == 0 && spans.hasNext()) {
                    span = spans.next();
                    spanLeft = span.getLength();
                }
                spanLeft = Math.max(0, spanLeft - 1);
                lineStart = newline + 1;
                if (linesInChunk == CHUNK_LINES) {
                    chunks.add(builder.build());
                    builder = newBuilder();
                    builder.addParagraph("", EMPTY_LINE);
                    linesInChunk = 0;
                }
            }
            chunks.add(builder.build());
            return new LoadedText(text, highlighting, List.copyOf(chunks));
        }

        private static final StyleSpans<Collection<String>> EMPTY_LINE =
                new StyleSpansBuilder<Collection<String>>().add(List.of(), 0).create();

        private static ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> newBuilder() {
            return new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of());
        }
    }

    private final Path path;
    private final SourceLanguage language;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<LoadedText> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<HighlightUpdate> highlighting = new ReadOnlyObjectWrapper<>();
    /** The highlighting the code area shows (plus whatever the user typed since): what a new pass is compared to. */
    private StyleSpans<Collection<String>> shownHighlighting;
    /** Bumped per highlighting request, so a slow pass that finishes after a newer one is dropped. */
    private long highlightGeneration;

    SourceDocument(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.language = SourceLanguage.of(this.path);
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    public SourceLanguage language() {
        return language;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Set once when the file has been read; the view fills its code area from it. */
    public ReadOnlyObjectProperty<LoadedText> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the file could not be read, when {@link #state()} is {@link State#FAILED}. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /**
     * The newest highlighting of the edited text, as the stretch that changed; the view applies it when the text still
     * has the length it was computed for, then reports it with {@link #highlightingShown}.
     */
    public ReadOnlyObjectProperty<HighlightUpdate> highlightingProperty() {
        return highlighting.getReadOnlyProperty();
    }

    /** The view now shows this highlighting: later passes are compared against it. */
    public void highlightingShown(StyleSpans<Collection<String>> spans) {
        shownHighlighting = spans;
    }

    StyleSpans<Collection<String>> shownHighlighting() {
        return shownHighlighting;
    }

    /** The user changed the text. */
    public void markEdited() {
        dirty.set(true);
    }

    void loadSucceeded(LoadedText text) {
        loaded.set(text);
        shownHighlighting = text.highlighting();
        state.set(State.READY);
    }

    void loadFailed(String reason) {
        failure.set(reason);
        state.set(State.FAILED);
    }

    void saved() {
        dirty.set(false);
    }

    long nextHighlightGeneration() {
        return ++highlightGeneration;
    }

    void highlighted(long generation, HighlightUpdate update) {
        if (generation == highlightGeneration) {
            highlighting.set(update);
        }
    }

    @Override
    public String toString() {
        return "SourceDocument[" + path + ", " + state.get() + (dirty.get() ? ", modified" : "") + "]";
    }
}
