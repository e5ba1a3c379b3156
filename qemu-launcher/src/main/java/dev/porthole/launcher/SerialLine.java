package dev.porthole.launcher;

import java.util.regex.Pattern;

/**
 * One line a guest wrote on a serial channel.
 *
 * @param hostNanos when the line's last byte arrived ({@link System#nanoTime()})
 * @param bytes     the raw bytes of the line without its LF (a CR before it stays); a line cut at the length bound
 *                  holds exactly the bytes received so far
 * @param text      the bytes decoded as UTF-8 (invalid sequences become U+FFFD), every CR removed, ANSI escapes kept
 */
public record SerialLine(long hostNanos, byte[] bytes, String text) {
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-~])");

    /** The text with ANSI escape sequences (colours, cursor moves, OSC titles) removed. */
    public String plainText() {
        return ANSI.matcher(text).replaceAll("");
    }

    @Override
    public String toString() {
        return "SerialLine[" + hostNanos + ", " + text + "]";
    }
}
