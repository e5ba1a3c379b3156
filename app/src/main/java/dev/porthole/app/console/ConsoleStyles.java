package dev.porthole.app.console;

/**
 * Every style class and node id the console uses, in one place, so code and {@code console.css}
 * agree by name. Colours live in the stylesheet as looked-up variables ({@code -ph-error},
 * {@code -ph-ansi-red}, ...) that the app's themes define.
 */
public final class ConsoleStyles {
    /** The console's own stylesheet (layout, fonts, the semantic colour rules, fallback colours). */
    public static final String STYLESHEET = "console.css";
    /** Fixed xterm colours 16..255 of the 256-colour palette (they do not change with the theme). */
    public static final String ANSI_256_STYLESHEET = "ansi-256.css";

    public static final String VIEW = "ph-console";
    public static final String TOOLBAR = "ph-console-toolbar";
    public static final String TEXT_AREA = "ph-console-text";
    public static final String SCROLL_BAR = "ph-console-scroll-bar";
    public static final String STATUS_BAR = "ph-console-status";
    public static final String STATUS_ERROR = "ph-console-status-error";
    public static final String LEVEL_TOGGLE = "ph-console-level-toggle";
    public static final String LEVEL_COUNT = "ph-console-level-count";
    public static final String SEARCH_FIELD = "ph-console-search";
    public static final String FILTER_FIELD = "ph-console-filter";
    public static final String MATCH_COUNT = "ph-console-match-count";
    /** Pseudo-class on the regex field while its text is not a valid regular expression. */
    public static final String INVALID_PSEUDO_CLASS = "ph-invalid";

    // One line: the gutter (level mark + timestamp) and the paragraph.
    public static final String LINE = "ph-console-line";
    public static final String GUTTER = "ph-console-gutter";
    public static final String GUTTER_MARK = "ph-console-gutter-mark";
    public static final String TIMESTAMP = "ph-console-timestamp";

    // Levels (paragraph and gutter classes).
    public static final String LEVEL_CRITICAL = "ph-level-critical";
    public static final String LEVEL_ERROR = "ph-level-error";
    public static final String LEVEL_WARNING = "ph-level-warning";
    public static final String LEVEL_INFO = "ph-level-info";
    public static final String LEVEL_DEBUG = "ph-level-debug";
    public static final String LEVEL_OUTPUT = "ph-level-output";

    // Tokens inside a recognised line, e.g. Unikraft's "[    0.100178] Info: [libkvmplat] <tscclock.c @  276>".
    public static final String TOKEN_GUEST_TIME = "ph-token-guest-time";
    public static final String TOKEN_LEVEL = "ph-token-level";
    public static final String TOKEN_LIBRARY = "ph-token-library";
    public static final String TOKEN_SOURCE = "ph-token-source";

    // Search.
    public static final String MATCH = "ph-console-match";
    public static final String CURRENT_MATCH = "ph-console-current-match";

    // ANSI SGR: "ph-ansi-fg-<0..255>", "ph-ansi-bg-<0..255>" and attributes.
    public static final String ANSI_FOREGROUND_PREFIX = "ph-ansi-fg-";
    public static final String ANSI_BACKGROUND_PREFIX = "ph-ansi-bg-";
    /** Inverse video with the default colours: text in the background colour. */
    public static final String ANSI_INVERSE_FOREGROUND = "ph-ansi-fg-inverse";
    /** Inverse video with the default colours: background in the text colour. */
    public static final String ANSI_INVERSE_BACKGROUND = "ph-ansi-bg-inverse";
    public static final String ANSI_BOLD = "ph-ansi-bold";
    public static final String ANSI_FAINT = "ph-ansi-faint";
    public static final String ANSI_ITALIC = "ph-ansi-italic";
    public static final String ANSI_UNDERLINE = "ph-ansi-underline";

    private ConsoleStyles() {
    }

    /** The external form of one of this package's stylesheets, for {@code getStylesheets().add(...)}. */
    public static String stylesheetUrl(String name) {
        var url = ConsoleStyles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Stylesheet " + name + " is missing next to " + ConsoleStyles.class.getName()
                    + " on the classpath; it belongs in src/main/resources/dev/porthole/app/console/");
        }
        return url.toExternalForm();
    }
}
