package dev.porthole.app.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * A new highlighting of edited text, reduced to the stretch that differs from what the code area already shows, so
 * the FX thread restyles a few lines after a keystroke instead of the whole file.
 *
 * @param full    the highlighting of the whole new text
 * @param from    first offset (in the new text) whose style changed
 * @param changed the new styles from {@code from} on, as long as the changed stretch; empty when nothing changed
 */
public record HighlightUpdate(StyleSpans<Collection<String>> full, int from, StyleSpans<Collection<String>> changed) {

    /** The whole text is new: a first load, or nothing to compare against. */
    public static HighlightUpdate whole(StyleSpans<Collection<String>> full) {
        return new HighlightUpdate(full, 0, full);
    }

    /** What differs between the styles the area shows ({@code before}, of the text before the edits) and {@code after}. */
    public static HighlightUpdate between(StyleSpans<Collection<String>> before, StyleSpans<Collection<String>> after) {
        List<StyleSpan<Collection<String>>> old = spanList(before);
        List<StyleSpan<Collection<String>>> now = spanList(after);
        int same = samePrefix(old, now);
        int sameEnd = samePrefix(reversed(old), reversed(now));
        int oldLength = before.length();
        int newLength = after.length();
        // Prefix and suffix may overlap when the edit only repeated styled text; the change cannot start after its end.
        int maxSuffix = Math.min(oldLength, newLength) - same;
        int to = newLength - Math.min(sameEnd, Math.max(0, maxSuffix));
        if (to <= same) {
            return new HighlightUpdate(after, same, after.subView(same, same));
        }
        return new HighlightUpdate(after, same, after.subView(same, to));
    }

    public boolean isEmpty() {
        return changed.length() == 0;
    }

    private static List<StyleSpan<Collection<String>>> spanList(StyleSpans<Collection<String>> spans) {
        return spans.stream().filter(s -> s.getLength() > 0).toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        return new java.util.AbstractList<>() {
            @Override
            public T get(int index) {
                return list.get(list.size() - 1 - index);
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    /** How many characters from the start of both span lists carry the same style. */
    private static int samePrefix(List<StyleSpan<Collection<String>>> a, List<StyleSpan<Collection<String>>> b) {
        int position = 0;
        int i = 0;
        int j = 0;
        int leftA = a.isEmpty() ? 0 : a.get(0).getLength();
        int leftB = b.isEmpty() ? 0 : b.get(0).getLength();
        while (i < a.size() && j < b.size()) {
            if (!a.get(i).getStyle().equals(b.get(j).getStyle())) {
                return position;
            }
            int step = Math.min(leftA, leftB);
            position += step;
            leftA -= step;
            leftB -= step;
            if (leftA == 0 && ++i < a.size()) {
                leftA = a.get(i).getLength();
            }
            if (leftB == 0 && ++j < b.size()) {
                leftB = b.get(j).getLength();
            }
        }
        return position;
    }
}
