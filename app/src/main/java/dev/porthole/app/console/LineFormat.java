package dev.porthole.app.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console line formats Porthole recognises, applied to the plain text of a line (ANSI codes already removed).
 *
 * <p><b>Unikraft</b> ({@code uk_pr_*}, lib/ukdebug):
 * <pre>
 * [    0.100178] Info: [libkvmplat] &lt;tscclock.c @  276&gt; Clock source: TSC, ...
 * [%5d.%06d] LVL: [libname] &lt;file.c @ %4d&gt; message     LVL one of Info: Warn: ERR: CRIT: dbg:
 * </pre>
 * The timestamp is optional (then the level starts the line); the library and the source location
 * are optional too. The line may be glued to text printed before it without a newline (SeaBIOS's
 * {@code Booting from ROM..}), so the timestamped form is searched anywhere in the line.
 *
 * <p><b>The Porthole kernel</b> ({@code kprintf}): {@code subsystem: message}, e.g.
 * {@code porthole: booting app=hello}; the tag is taken as the library. A {@code panic: <what>}
 * line opens a panic block (registers, {@code backtrace:}, frames) that {@code panic: end}
 * closes: every line of it is {@link LogLevel#ERROR} in library {@code panic}. The same
 * {@code tag: message} form from other guests is read the same way; tags {@code error},
 * {@code warning}/{@code warn} and {@code debug} give those levels.
 *
 * <p>Everything else is {@link LogLevel#OUTPUT} with no library.
 */
final class LineFormat {
    /** The library of lines that name none. */
    static final String NO_LIBRARY = "";

    private static final Pattern UNIKRAFT = Pattern.compile(
            "(?:(\\[\\s*\\d+\\.\\d+\\])\\s+|^)(Info|Warn|ERR|CRIT|dbg):\\s*(?:(\\[[^\\]\\s]+\\])\\s*)?(<[^>]*>)?");
    private static final Pattern TAGGED = Pattern.compile("^([a-z][a-z0-9_.-]*):(?: |$)");
    private static final String PANIC_TAG = "panic";
    private static final String PANIC_END = "panic: end";

    /** One recognised line: its level, its library (or {@link #NO_LIBRARY}). */
    record Classification(LogLevel level, String library) {
    }

    private LineFormat() {
    }

    /**
     * Classifies a stream of lines, remembering whether it is inside a kernel panic block.
     * Not thread-safe: one per stream.
     */
    static final class Classifier {
        private boolean inPanic;

        Classification classify(String text) {
            Matcher unikraft = UNIKRAFT.matcher(text);
            if (unikraft.find()) {
                String library = unikraft.group(3) == null ? NO_LIBRARY : strip(unikraft.group(3));
                return new Classification(unikraftLevel(unikraft.group(2)), library);
            }
            Matcher tagged = TAGGED.matcher(text);
            String tag = tagged.find() ? tagged.group(1) : null;
            if (PANIC_TAG.equals(tag)) {
                inPanic = !text.startsWith(PANIC_END);
                return new Classification(LogLevel.ERROR, PANIC_TAG);
            }
            if (inPanic) {
                return new Classification(LogLevel.ERROR, PANIC_TAG);
            }
            if (tag != null) {
                return new Classification(taggedLevel(tag), tag);
            }
            return new Classification(LogLevel.OUTPUT, NO_LIBRARY);
        }

        void reset() {
            inPanic = false;
        }
    }

    private static String strip(String bracketed) {
        return bracketed.substring(1, bracketed.length() - 1);
    }

    private static LogLevel unikraftLevel(String token) {
        switch (token) {
            case "CRIT": return LogLevel.CRITICAL;
            case "ERR": return LogLevel.ERROR;
            case "Warn": return LogLevel.WARNING;
            case "dbg": return LogLevel.DEBUG;
            default: return LogLevel.INFO;
        }
    }

    private static LogLevel taggedLevel(String tag) {
        switch (tag) {
            case "error": return LogLevel.ERROR;
            case "warning": case "warn": return LogLevel.WARNING;
            case "debug": return LogLevel.DEBUG;
            default: return LogLevel.INFO;
        }
    }

    /**
     * Where the recognised tokens sit in {@code text}, for colouring only the visible lines:
     * {@code [guestTimeStart, guestTimeEnd, levelStart, levelEnd, libraryStart, libraryEnd, sourceStart, sourceEnd]},
     * -1 for a token that is absent; null when the line has no recognised format.
     */
    static int[] tokens(String text) {
        Matcher unikraft = UNIKRAFT.matcher(text);
        if (unikraft.find()) {
            int[] ranges = new int[8];
            for (int group = 1; group <= 4; group++) {
                ranges[2 * (group - 1)] = unikraft.start(group);
                ranges[2 * (group - 1) + 1] = unikraft.end(group);
            }
            ranges[3]++; // the level token includes its colon
            return ranges;
        }
        Matcher tagged = TAGGED.matcher(text);
        if (tagged.find()) {
            return new int[] {-1, -1, 0, tagged.end(1) + 1, -1, -1, -1, -1};
        }
        return null;
    }
}
