package dev.porthole.app.console;

import java.util.List;

/**
 * The console's counters at one moment, handed from the worker to the FX thread in one piece.
 *
 * @param retainedLines     lines kept
 * @param shownLines        lines the filter shows
 * @param droppedLines      lines dropped since the last clear because the console was full
 * @param retainedTextBytes bytes of text kept (UTF-8)
 * @param levelCounts       lines kept per level, indexed by {@link LogLevel#ordinal()}
 * @param libraries         every library name seen, in order of first appearance ("" = none)
 * @param matchCount        search occurrences in the shown lines
 * @param matchesTruncated  true if there are more occurrences than were collected
 * @param filterGeneration  the filter request the shown lines reflect
 * @param searchGeneration  the search request the occurrences reflect
 */
record ConsoleStats(long retainedLines, long shownLines, long droppedLines, long retainedTextBytes, long[] levelCounts,
                    List<String> libraries, int matchCount, boolean matchesTruncated, long filterGeneration,
                    long searchGeneration) {
}
