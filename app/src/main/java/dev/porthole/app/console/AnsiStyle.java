package dev.porthole.app.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The SGR state of one character packed into an {@code int}, so a line's colours cost a few ints
 * and not one object per run.
 *
 * <pre>
 * bits  0..8   foreground: 0 = default, 1..256 = palette colour 0..255
 * bits  9..17  background: same encoding
 * bit  18      bold        bit 19  faint      bit 20  italic
 * bit  21      underline   bit 22  inverse
 * </pre>
 * {@link #PLAIN} (0) is the default colours with no attributes.
 */
final class AnsiStyle {
    static final int PLAIN = 0;
    static final int BOLD = 1 << 18;
    static final int FAINT = 1 << 19;
    static final int ITALIC = 1 << 20;
    static final int UNDERLINE = 1 << 21;
    static final int INVERSE = 1 << 22;

    private static final int COLOUR_BITS = 9;
    private static final int COLOUR_MASK = (1 << COLOUR_BITS) - 1;
    private static final int BACKGROUND_SHIFT = COLOUR_BITS;
    private static final int NO_COLOUR = -1;

    private AnsiStyle() {
    }

    /** The palette index (0..255) of the foreground, or -1 for the default colour. */
    static int foreground(int style) {
        return (style & COLOUR_MASK) - 1;
    }

    /** The palette index (0..255) of the background, or -1 for the default colour. */
    static int background(int style) {
        return ((style >>> BACKGROUND_SHIFT) & COLOUR_MASK) - 1;
    }

    /** {@code style} with its foreground set to palette index {@code colour}, or to the default for -1. */
    static int withForeground(int style, int colour) {
        return (style & ~COLOUR_MASK) | (colour + 1);
    }

    static int withBackground(int style, int colour) {
        return (style & ~(COLOUR_MASK << BACKGROUND_SHIFT)) | ((colour + 1) << BACKGROUND_SHIFT);
    }

    /**
     * The nearest colour of the xterm 256-colour palette to a 24-bit colour (SGR 38;2;r;g;b):
     * the closer of the 6x6x6 cube and the 24-step grey ramp.
     */
    static int nearestPaletteColour(int red, int green, int blue) {
        int r = cubeStep(red);
        int g = cubeStep(green);
        int b = cubeStep(blue);
        int cubeIndex = 16 + 36 * r + 6 * g + b;
        int cubeDistance = distance(red, green, blue, cubeLevel(r), cubeLevel(g), cubeLevel(b));
        int average = (red + green + blue) / 3;
        int greyStep = Math.max(0, Math.min(23, (average - 3) / 10));
        int grey = 8 + 10 * greyStep;
        int greyDistance = distance(red, green, blue, grey, grey, grey);
        return greyDistance < cubeDistance ? 232 + greyStep : cubeIndex;
    }

    private static int cubeStep(int value) {
        int v = Math.max(0, Math.min(255, value));
        return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
    }

    private static int cubeLevel(int step) {
        return step == 0 ? 0 : 55 + 40 * step;
    }

    private static int distance(int r1, int g1, int b1, int r2, int g2, int b2) {
        return (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
    }

    /** The style classes that render {@code style}; empty for {@link #PLAIN}. */
    static List<String> styleClasses(int style) {
        List<String> classes = new ArrayList<>(4);
        addStyleClasses(style, classes);
        return classes;
    }

    static void addStyleClasses(int style, List<String> classes) {
        if (style == PLAIN) {
            return;
        }
        int fg = foreground(style);
        int bg = background(style);
        if ((style & INVERSE) != 0) {
            // Inverse swaps the two colours; a default colour becomes the other default.
            classes.add(bg == NO_COLOUR ? ConsoleStyles.ANSI_INVERSE_FOREGROUND : ConsoleStyles.ANSI_FOREGROUND_PREFIX + bg);
            classes.add(fg == NO_COLOUR ? ConsoleStyles.ANSI_INVERSE_BACKGROUND : ConsoleStyles.ANSI_BACKGROUND_PREFIX + fg);
        } else {
            if (fg != NO_COLOUR) {
                classes.add(ConsoleStyles.ANSI_FOREGROUND_PREFIX + fg);
            }
            if (bg != NO_COLOUR) {
                classes.add(ConsoleStyles.ANSI_BACKGROUND_PREFIX + bg);
            }
        }
        if ((style & BOLD) != 0) {
            classes.add(ConsoleStyles.ANSI_BOLD);
        }
        if ((style & FAINT) != 0) {
            classes.add(ConsoleStyles.ANSI_FAINT);
        }
        if ((style & ITALIC) != 0) {
            classes.add(ConsoleStyles.ANSI_ITALIC);
        }
        if ((style & UNDERLINE) != 0) {
            classes.add(ConsoleStyles.ANSI_UNDERLINE);
        }
    }
}
