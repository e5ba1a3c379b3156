package dev.porthole.app.console;

/**
 * One line as the console shows it.
 *
 * @param seq               the line's sequence number (grows forever, never reused)
 * @param text              the text without ANSI codes or carriage returns
 * @param level             its level
 * @param library           the library or kernel subsystem it names, "" for none
 * @param seconds           host time of arrival in seconds since the run's start (NaN if unknown)
 * @param styleRuns         ANSI colour runs as {@code (start, end, style)} triples, or null
 * @param matches           search occurrences in this line as {@code (from, to)} pairs, or null
 * @param currentMatchFrom  column of the selected occurrence if it is in this line, else -1
 * @param currentMatchTo    end column of the selected occurrence, else -1
 */
public record ConsoleLine(long seq, String text, LogLevel level, String library, double seconds,
                          int[] styleRuns, int[] matches, int currentMatchFrom, int currentMatchTo) {
}
