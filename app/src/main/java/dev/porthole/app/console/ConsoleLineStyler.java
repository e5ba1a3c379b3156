package dev.porthole.app.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * Cuts one console line into styled segments for the text area: the recognised tokens
 * (guest time, level, library, source), the guest's ANSI colours, and search occurrences
 * overlap freely, so the line is cut at every range boundary and each piece gets the style
 * classes of every range covering it.
 */
final class ConsoleLineStyler {
    private static final String[] TOKEN_CLASSES = {
        ConsoleStyles.TOKEN_GUEST_TIME, ConsoleStyles.TOKEN_LEVEL, ConsoleStyles.TOKEN_LIBRARY, ConsoleStyles.TOKEN_SOURCE,
    };

    private ConsoleLineStyler() {
    }

    static List<StyledSegment<String, Collection<String>>> segments(ConsoleLine line) {
        String text = line.text();
        int length = text.length();
        if (length == 0) {
            return List.of(new StyledSegment<>("", List.of()));
        }
        int[] tokens = LineFormat.tokens(text);
        int[] ansi = line.styleRuns();
        int[] matches = line.matches();

        int[] cuts = new int[2 + (tokens == null ? 0 : tokens.length) + (ansi == null ? 0 : ansi.length / 3 * 2)
                + (matches == null ? 0 : matches.length)];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = length;
        if (tokens != null) {
            for (int t : tokens) {
                if (t >= 0) {
                    cuts[n++] = t;
                }
            }
        }
        if (ansi != null) {
            for (int i = 0; i < ansi.length; i += 3) {
                cuts[n++] = ansi[i];
                cuts[n++] = ansi[i + 1];
            }
        }
        if (matches != null) {
            for (int m : matches) {
                cuts[n++] = m;
            }
        }
        int[] sorted = Arrays.stream(cuts, 0, n).filter(c -> c >= 0 && c <= length).sorted().distinct().toArray();

        List<StyledSegment<String, Collection<String>>> segments = new ArrayList<>(sorted.length);
        for (int i = 0; i + 1 < sorted.length; i++) {
            int from = sorted[i];
            int to = sorted[i + 1];
            segments.add(new StyledSegment<>(text.substring(from, to), classesAt(from, to, tokens, ansi, matches, line)));
        }
        return segments;
    }

    private static List<String> classesAt(int from, int to, int[] tokens, int[] ansi, int[] matches, ConsoleLine line) {
        List<String> classes = new ArrayList<>(3);
        if (tokens != null) {
            for (int t = 0; t < TOKEN_CLASSES.length; t++) {
                if (tokens[2 * t] >= 0 && tokens[2 * t] <= from && to <= tokens[2 * t + 1]) {
                    classes.add(TOKEN_CLASSES[t]);
                }
            }
        }
        if (ansi != null) {
            for (int i = 0; i < ansi.length; i += 3) {
                if (ansi[i] <= from && to <= ansi[i + 1]) {
                    AnsiStyle.addStyleClasses(ansi[i + 2], classes);
                }
            }
        }
        if (matches != null) {
            for (int i = 0; i < matches.length; i += 2) {
                if (matches[i] <= from && to <= matches[i + 1]) {
                    classes.add(matches[i] == line.currentMatchFrom() ? ConsoleStyles.CURRENT_MATCH : ConsoleStyles.MATCH);
                }
            }
        }
        return classes;
    }
}
