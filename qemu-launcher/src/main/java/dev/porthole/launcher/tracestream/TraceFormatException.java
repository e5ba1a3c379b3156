package dev.porthole.launcher.tracestream;

/** A trace stream line that does not follow the v1 grammar; the message names the line number, the text and what is wrong. */
public final class TraceFormatException extends RuntimeException {
    private final int lineNumber;
    private final String line;

    public TraceFormatException(int lineNumber, String line, String problem) {
        super("trace stream line " + lineNumber + ": " + problem + ": '" + abbreviate(line) + "'");
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** 1-based line number within the stream (or 0 when the line was parsed on its own). */
    public int lineNumber() {
        return lineNumber;
    }

    public String line() {
        return line;
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
