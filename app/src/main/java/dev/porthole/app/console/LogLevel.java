package dev.porthole.app.console;

/**
 * The severity of one console line, most severe first.
 *
 * <p>Unikraft prints {@code CRIT:}, {@code ERR:}, {@code Warn:}, {@code Info:} and {@code dbg:};
 * the Porthole kernel prints {@code subsystem: message} (info) and a {@code panic:} block (error).
 * Everything else a guest prints (firmware text, banners, the application's own output) has no
 * level of its own and is {@link #OUTPUT}.
 */
public enum LogLevel {
    CRITICAL("Crit", ConsoleStyles.LEVEL_CRITICAL),
    ERROR("Error", ConsoleStyles.LEVEL_ERROR),
    WARNING("Warn", ConsoleStyles.LEVEL_WARNING),
    INFO("Info", ConsoleStyles.LEVEL_INFO),
    DEBUG("Debug", ConsoleStyles.LEVEL_DEBUG),
    OUTPUT("Output", ConsoleStyles.LEVEL_OUTPUT);

    private static final LogLevel[] VALUES = values();

    private final String label;
    private final String styleClass;

    LogLevel(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    /** The short name the toolbar shows. */
    public String label() {
        return label;
    }

    /** The style class of a line at this level (colours its text and its gutter mark). */
    public String styleClass() {
        return styleClass;
    }

    /** The one-bit mask of this level inside a {@code long} set of levels. */
    long bit() {
        return 1L << ordinal();
    }

    static LogLevel ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    static int count() {
        return VALUES.length;
    }
}
