package dev.porthole.app.console;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which lines the console shows: the levels, the libraries not hidden, and an optional regular
 * expression the text must contain a match of. Immutable; a new filter replaces the old one.
 *
 * @param levels           the levels shown
 * @param hiddenLibraries  library names hidden ({@link LineFormat#NO_LIBRARY} for lines without one);
 *                         a library not named here is shown, so libraries seen later appear
 * @param regex            the text must contain a match; null shows every text
 */
record LineFilter(Set<LogLevel> levels, Set<String> hiddenLibraries, Pattern regex) {
    static final LineFilter SHOW_ALL = new LineFilter(EnumSet.allOf(LogLevel.class), Set.of(), null);

    LineFilter {
        levels = levels.isEmpty() ? EnumSet.noneOf(LogLevel.class) : EnumSet.copyOf(levels);
        hiddenLibraries = Set.copyOf(hiddenLibraries);
    }

    /** True when this filter and {@code other} pick the same lines (Pattern has no equals of its own). */
    boolean sameAs(LineFilter other) {
        return levels.equals(other.levels) && hiddenLibraries.equals(other.hiddenLibraries)
                && (regex == null ? other.regex == null
                        : other.regex != null && regex.pattern().equals(other.regex.pattern()) && regex.flags() == other.regex.flags());
    }

    /**
     * Compiles a filter or search text with "smart case": case-insensitive unless the text has an
     * upper-case letter (not counting the letter of a backslash escape such as {@code \D}).
     */
    static Pattern compileSmartCase(String regex, boolean literal) {
        int flags = hasUpperCase(regex, literal) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(literal ? Pattern.quote(regex) : regex, flags);
    }

    private static boolean hasUpperCase(String text, boolean literal) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!literal && c == '\\') {
                i++; // skip the escaped character
            } else if (Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }
}
