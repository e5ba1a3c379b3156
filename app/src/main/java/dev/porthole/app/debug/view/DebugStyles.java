package dev.porthole.app.debug.view;

/**
 * The style classes of the debugger panels, defined once; {@code debug-panels.css} gives them their look using the
 * theme's looked-up colours ({@code -ph-changed}, {@code -ph-current-line-bg}, ...).
 */
public final class DebugStyles {
    /** The stylesheet, to add to a scene or a panel. */
    public static final String STYLESHEET = DebugStyles.class.getResource("debug-panels.css").toExternalForm();

    /** For a scene that carries no Porthole theme (a demo, a test): the workbench's own dark theme, not a copy of it. */
    public static final String FALLBACK_STYLESHEET =
            dev.porthole.icons.Icons.paletteStylesheet(true);
    /** Where the workbench's themes live: a scene with one of these needs no fallback colours. */
    static final String THEME_RESOURCE_DIR = dev.porthole.icons.Icons.THEME_DIR;

    /**
     * Adds the fallback colours to {@code scene} unless it has a Porthole theme. Called by every panel when it is
     * placed in a scene, so a panel works standalone and never overrides the theme's colours.
     */
    public static void ensureColours(javafx.scene.Scene scene) {
        boolean themed = scene.getStylesheets().stream().anyMatch(s -> s.contains(THEME_RESOURCE_DIR))
                || scene.getStylesheets().containsAll(dev.porthole.app.theme.Theme.stylesheets());
        if (!themed && !scene.getStylesheets().contains(FALLBACK_STYLESHEET)) {
            scene.getStylesheets().add(0, FALLBACK_STYLESHEET);
        }
    }

    public static final String PANEL = "ph-debug-panel";
    public static final String TOOLBAR = "ph-debug-toolbar";
    public static final String STATUS = "ph-debug-status";
    public static final String ERROR = "ph-error-text";
    public static final String MONO = "ph-mono";
    public static final String MUTED = "ph-muted-text";
    public static final String STALE = "ph-stale";

    /** A value that differs from what it was at the previous stop. */
    public static final String CHANGED_VALUE = "ph-changed-value";
    /** The instruction or frame where the target stopped. */
    public static final String CURRENT_LINE = "ph-current-line";

    public static final String BREAKPOINTS = "ph-breakpoints";
    public static final String CALL_STACK = "ph-call-stack";
    public static final String VARIABLES = "ph-variables";
    public static final String WATCH = "ph-watch";
    public static final String REGISTERS = "ph-registers";
    public static final String REGISTER_BITS = "ph-register-bits";
    public static final String REGISTER_BIT_SET = "ph-register-bit-set";
    public static final String REGISTER_BIT_CLEAR = "ph-register-bit-clear";
    public static final String MEMORY = "ph-memory";
    public static final String MEMORY_ADDRESS = "ph-memory-address";
    public static final String MEMORY_ROW = "ph-memory-row";
    /** The mark behind the byte under the mouse. */
    public static final String MEMORY_BYTE_HOVER = "ph-memory-byte-hover";
    public static final String MEMORY_BYTE_TEXT = "ph-memory-byte-text";
    public static final String MEMORY_BYTE_SELECTED = "ph-memory-byte-selected";
    public static final String MEMORY_ASCII = "ph-memory-ascii";
    public static final String DISASSEMBLY = "ph-disassembly";
    public static final String DISASSEMBLY_SOURCE = "ph-disassembly-source";
    public static final String DISASSEMBLY_ADDRESS = "ph-disassembly-address";
    public static final String DISASSEMBLY_OPCODES = "ph-disassembly-opcodes";
    public static final String MONITOR = "ph-monitor";
    public static final String MONITOR_CONSOLE = "ph-monitor-console";
    public static final String MONITOR_COMMAND = "ph-monitor-command";
    public static final String MONITOR_OUTPUT = "ph-monitor-output";
    public static final String MONITOR_ERROR = "ph-monitor-error";

    private DebugStyles() {
    }
}
