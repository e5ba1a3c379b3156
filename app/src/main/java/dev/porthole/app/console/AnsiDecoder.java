package dev.porthole.app.console;

import java.util.Arrays;

/**
 * Turns one raw line of terminal output into plain text plus colour runs, the way a terminal
 * would show that line.
 *
 * <p>What it understands:
 * <ul>
 *   <li>CSI {@code ESC [ params final} (also the 8-bit CSI {@code U+009B}): SGR ({@code m}) sets the
 *       colours: 0 reset, 1 bold, 2 faint, 3 italic, 4 underline, 7 inverse, 22-27 their resets,
 *       30-37/90-97 and 40-47/100-107 the 16 colours, 38/48 {@code ;5;n} 256 colours and
 *       {@code ;2;r;g;b} true colour (mapped to the nearest of the 256), 39/49 default.
 *       EL ({@code K}, erase to end of line) truncates the line at the cursor. Every other CSI
 *       (cursor movement, erase display, modes such as {@code ESC[?7l}) is dropped.</li>
 *   <li>OSC {@code ESC ] ... BEL|ESC \} and DCS/SOS/PM/APC strings: dropped.</li>
 *   <li>{@code ESC c} (reset): drops the colours; other two- and three-byte escapes: dropped.</li>
 *   <li>{@code \r} returns to column 0 and later text overwrites (progress lines, and a stray CR of a
 *       CRLF line end disappears); {@code \b} steps back one column; {@code \t} pads to the next
 *       multiple of 8; other control characters are dropped.</li>
 * </ul>
 * The colour state carries from one line to the next, as in a terminal.
 * Not thread-safe: one decoder per stream, used by one thread.
 */
final class AnsiDecoder {
    /** The decoded line: plain text, and colour runs as {@code (start, end, style)} triples, or null if all plain. */
    record Decoded(String text, int[] styleRuns) {
    }

    private static final char ESC = '\u001b';
    private static final char CSI_8BIT = '\u009b';
    private static final char BEL = '\u0007';
    private static final int TAB_WIDTH = 8;
    private static final int MAX_SGR_PARAMS = 32;

    private final int maxLineChars;
    private char[] cells = new char[256];
    private int[] cellStyles = new int[256];
    private int length;
    private int column;
    private int style = AnsiStyle.PLAIN;
    private final int[] params = new int[MAX_SGR_PARAMS];

    /** @param maxLineChars longer lines are cut here (a guest that never prints a newline must not exhaust memory) */
    AnsiDecoder(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /** Forgets the colour state (a new run, or the console was cleared). */
    void reset() {
        style = AnsiStyle.PLAIN;
    }

    Decoded decode(String raw) {
        length = 0;
        column = 0;
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == ESC) {
                i = skipEscape(raw, i + 1);
            } else if (c == CSI_8BIT) {
                i = controlSequence(raw, i + 1);
            } else if (c == '\r') {
                column = 0;
                i++;
            } else if (c == '\b') {
                column = Math.max(0, column - 1);
                i++;
            } else if (c == '\t') {
                int next = (column / TAB_WIDTH + 1) * TAB_WIDTH;
                while (column < next) {
                    put(' ');
                }
                i++;
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                i++; // BEL, NUL, the rest of C0 and C1: nothing to show
            } else {
                put(c);
                i++;
            }
        }
        return new Decoded(new String(cells, 0, length), styleRuns());
    }

    private void put(char c) {
        if (column >= maxLineChars) {
            return;
        }
        if (column >= cells.length) {
            int size = Math.min(maxLineChars, cells.length * 2);
            cells = Arrays.copyOf(cells, size);
            cellStyles = Arrays.copyOf(cellStyles, size);
        }
        while (length < column) { // only after a backspace-then-erase; keep columns aligned
            cells[length] = ' ';
            cellStyles[length++] = AnsiStyle.PLAIN;
        }
        cells[column] = c;
        cellStyles[column] = style;
        column++;
        length = Math.max(length, column);
    }

    private int[] styleRuns() {
        int runs = 0;
        for (int i = 0; i < length; i++) {
            if (cellStyles[i] != AnsiStyle.PLAIN && (i == 0 || cellStyles[i] != cellStyles[i - 1])) {
                runs++;
            }
        }
        if (runs == 0) {
            return null;
        }
        int[] result = new int[runs * 3];
        int r = 0;
        int start = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || cellStyles[i] != cellStyles[start]) {
                if (cellStyles[start] != AnsiStyle.PLAIN) {
                    result[r++] = start;
                    result[r++] = i;
                    result[r++] = cellStyles[start];
                }
                start = i;
            }
        }
        return result;
    }

    /** {@code i} is just past ESC; returns the index just past the whole sequence. */
    private int skipEscape(String raw, int i) {
        if (i >= raw.length()) {
            return i;
        }
        char kind = raw.charAt(i);
        switch (kind) {
            case '[':
                return controlSequence(raw, i + 1);
            case ']': case 'P': case 'X': case '^': case '_':
                return skipString(raw, i + 1);
            case 'c':
                style = AnsiStyle.PLAIN;
                return i + 1;
            case '(': case ')': case '*': case '+': case '-': case '.': case '/': case '#': case '%': case ' ':
                return Math.min(raw.length(), i + 2); // charset designation and friends: ESC ( B
            default:
                return i + 1; // ESC 7, ESC 8, ESC =, ESC >, ESC M, ...
        }
    }

    /** Skips an OSC/DCS-like string up to BEL or ST ({@code ESC \}); an unterminated one runs to the end of the line. */
    private static int skipString(String raw, int i) {
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == BEL || c == '\u009c') {
                return i + 1;
            }
            if (c == ESC && i + 1 < n && raw.charAt(i + 1) == '\\') {
                return i + 2;
            }
            i++;
        }
        return n;
    }

    /** {@code i} is just past {@code ESC [}; parses parameters, intermediates and the final byte. */
    private int controlSequence(String raw, int i) {
        int n = raw.length();
        int paramStart = i;
        while (i < n && raw.charAt(i) >= 0x30 && raw.charAt(i) <= 0x3f) {
            i++;
        }
        int paramEnd = i;
        while (i < n && raw.charAt(i) >= 0x20 && raw.charAt(i) <= 0x2f) {
            i++;
        }
        if (i >= n) {
            return n; // cut off at the end of the line
        }
        char finalByte = raw.charAt(i);
        if (finalByte < 0x40 || finalByte > 0x7e) {
            return i; // malformed: drop what we parsed, show the rest
        }
        boolean privateMode = paramEnd > paramStart && "<=>?".indexOf(raw.charAt(paramStart)) >= 0;
        boolean hasIntermediates = paramEnd != i;
        if (!privateMode && !hasIntermediates) {
            if (finalByte == 'm') {
                selectGraphicRendition(raw, paramStart, paramEnd);
            } else if (finalByte == 'K') {
                eraseInLine(raw, paramStart, paramEnd);
            }
        }
        return i + 1;
    }

    private void eraseInLine(String raw, int from, int to) {
        int count = parseParams(raw, from, to);
        int mode = count == 0 ? 0 : params[0];
        if (mode == 0) {
            length = Math.min(length, column);
        }
        // Modes 1 and 2 would blank columns on a screen; in a log that is noise, so they are dropped.
    }

    private int parseParams(String raw, int from, int to) {
        int count = 0;
        int value = 0;
        boolean any = false;
        for (int i = from; i <= to; i++) {
            char c = i < to ? raw.charAt(i) : ';';
            if (c >= '0' && c <= '9') {
                value = Math.min(100_000, value * 10 + (c - '0'));
                any = true;
            } else if (c == ';' || c == ':') {
                if (count < MAX_SGR_PARAMS) {
                    params[count++] = value;
                }
                value = 0;
            }
        }
        return any || to > from ? count : 0;
    }

    private void selectGraphicRendition(String raw, int from, int to) {
        int count = parseParams(raw, from, to);
        if (count == 0) {
            style = AnsiStyle.PLAIN;
            return;
        }
        for (int p = 0; p < count; p++) {
            int code = params[p];
            if (code == 38 || code == 48) {
                p = extendedColour(code == 38, p, count);
            } else {
                applySimpleCode(code);
            }
        }
    }

    /** SGR 38/48 followed by {@code 5;n} or {@code 2;r;g;b}; returns the index of the last parameter used. */
    private int extendedColour(boolean foreground, int p, int count) {
        if (p + 2 < count && params[p + 1] == 5) {
            setColour(foreground, Math.min(255, params[p + 2]));
            return p + 2;
        }
        if (p + 4 < count && params[p + 1] == 2) {
            setColour(foreground, AnsiStyle.nearestPaletteColour(params[p + 2], params[p + 3], params[p + 4]));
            return p + 4;
        }
        return count; // malformed: ignore the rest of this sequence
    }

    private void setColour(boolean foreground, int colour) {
        style = foreground ? AnsiStyle.withForeground(style, colour) : AnsiStyle.withBackground(style, colour);
    }

    private void applySimpleCode(int code) {
        if (code == 0) {
            style = AnsiStyle.PLAIN;
        } else if (code == 1) {
            style |= AnsiStyle.BOLD;
        } else if (code == 2) {
            style |= AnsiStyle.FAINT;
        } else if (code == 3) {
            style |= AnsiStyle.ITALIC;
        } else if (code == 4) {
            style |= AnsiStyle.UNDERLINE;
        } else if (code == 7) {
            style |= AnsiStyle.INVERSE;
        } else if (code == 22) {
            style &= ~(AnsiStyle.BOLD | AnsiStyle.FAINT);
        } else if (code == 23) {
            style &= ~AnsiStyle.ITALIC;
        } else if (code == 24) {
            style &= ~AnsiStyle.UNDERLINE;
        } else if (code == 27) {
            style &= ~AnsiStyle.INVERSE;
        } else if (code >= 30 && code <= 37) {
            setColour(true, code - 30);
        } else if (code == 39) {
            setColour(true, -1);
        } else if (code >= 40 && code <= 47) {
            setColour(false, code - 40);
        } else if (code == 49) {
            setColour(false, -1);
        } else if (code >= 90 && code <= 97) {
            setColour(true, code - 90 + 8);
        } else if (code >= 100 && code <= 107) {
            setColour(false, code - 100 + 8);
        }
        // Blink, conceal, strike-through, fonts: not worth showing in a log.
    }
}
