package dev.porthole.app.console;

import java.util.List;

/**
 * The lines in the console's viewport right now: a few dozen of possibly a million, so
 * rendering costs the same at any size.
 *
 * @param top                  position of the first line among the shown (filtered) lines
 * @param shownLines           how many lines the filter shows in all
 * @param rows                 how many rows the viewport holds
 * @param lines                the lines from {@code top}: {@code rows} of them, one more for a partly visible row,
 *                             or fewer at the end
 * @param currentMatchOrdinal  0-based number of the selected search occurrence among all occurrences, -1 if none
 * @param filterGeneration     the filter these lines were picked by
 * @param searchGeneration     the search whose occurrences are marked
 * @param runStartNanos        the host time the timestamps count from
 */
public record ConsoleWindow(long top, long shownLines, int rows, List<ConsoleLine> lines, int currentMatchOrdinal,
                            long filterGeneration, long searchGeneration, long runStartNanos) {

    static final ConsoleWindow EMPTY = new ConsoleWindow(0, 0, 1, List.of(), -1, 0, 0, 0);

    public ConsoleWindow {
        lines = List.copyOf(lines);
    }

    /** True when the last shown line is in this window (the view then pins it to the bottom). */
    public boolean atEnd() {
        return top + lines.size() >= shownLines;
    }

    /** True when {@code other} would draw exactly the same thing (same lines, marks and timestamps). */
    boolean drawsSameAs(ConsoleWindow other) {
        if (other == null || lines.size() != other.lines.size() || rows != other.rows
                || filterGeneration != other.filterGeneration || searchGeneration != other.searchGeneration
                || currentMatchOrdinal != other.currentMatchOrdinal || runStartNanos != other.runStartNanos
                || atEnd() != other.atEnd()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            ConsoleLine a = lines.get(i);
            ConsoleLine b = other.lines.get(i);
            if (a.seq() != b.seq() || a.currentMatchFrom() != b.currentMatchFrom()) {
                return false;
            }
        }
        return true;
    }
}
