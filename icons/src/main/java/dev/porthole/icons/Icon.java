package dev.porthole.icons;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every glyph the workbench shows, named by what it means, not by what it looks like.
 * Views ask for {@code Icon.STEP_OVER}, never for a Material glyph, so the whole theme
 * changes here (JabRef's {@code IconTheme} is the model).
 */
public enum Icon {
    // Debug actions (toolbar and menus)
    BUILD(Material2AL.BUILD),
    RUN(Material2MZ.PLAY_ARROW),
    DEBUG(Material2AL.BUG_REPORT),
    CONTINUE(Material2MZ.PLAY_CIRCLE_OUTLINE),
    PAUSE(Material2MZ.PAUSE),
    STEP_OVER(Material2MZ.REDO),
    STEP_INTO(Material2AL.ARROW_DOWNWARD),
    STEP_OUT(Material2AL.ARROW_UPWARD),
    RUN_TO_LINE(Material2MZ.SUBDIRECTORY_ARROW_RIGHT),
    RESTART(Material2MZ.REPLAY),
    STOP(Material2MZ.STOP),

    // Breakpoints
    BREAKPOINT(Material2AL.FIBER_MANUAL_RECORD),
    BREAKPOINT_HARDWARE(Material2MZ.MEMORY),
    CURRENT_LINE(Material2AL.ARROW_FORWARD),

    // Panels
    EDITOR(Material2AL.CODE),
    FILE(Material2AL.INSERT_DRIVE_FILE),
    FOLDER(Material2AL.FOLDER),
    FOLDER_OPEN(Material2AL.FOLDER_OPEN),
    CONSOLE(Material2AL.ARTICLE),
    TRACE(Material2MZ.TIMELINE),
    LAYOUT(Material2AL.LAYERS),
    RUNS(Material2AL.HISTORY),
    REGISTERS(Material2AL.DEVELOPER_BOARD),
    MEMORY(Material2MZ.STORAGE),
    CALL_STACK(Material2AL.ACCOUNT_TREE),
    VARIABLES(Material2AL.LIST),
    WATCH(Material2MZ.VISIBILITY),
    DISASSEMBLY(Material2AL.DESCRIPTION),
    MONITOR(Material2AL.KEYBOARD_RETURN),
    PROBLEMS(Material2MZ.WARNING),
    CRASH(Material2MZ.REPORT),
    COMPARE(Material2AL.COMPARE_ARROWS),

    // Small actions
    SEARCH(Material2MZ.SEARCH),
    FIND_PREVIOUS(Material2AL.KEYBOARD_ARROW_UP),
    FIND_NEXT(Material2AL.KEYBOARD_ARROW_DOWN),
    FOLLOW_TAIL(Material2MZ.VERTICAL_ALIGN_BOTTOM),
    FILTER(Material2AL.FILTER_LIST),
    CLEAR(Material2AL.CLEAR),
    ADD(Material2AL.ADD),
    REMOVE(Material2MZ.REMOVE),
    DELETE(Material2AL.DELETE),
    ZOOM_IN(Material2MZ.ZOOM_IN),
    ZOOM_OUT(Material2MZ.ZOOM_OUT),
    ZOOM_FIT(Material2AL.CENTER_FOCUS_STRONG),
    SAVE(Material2MZ.SAVE),
    REFRESH(Material2MZ.REFRESH),
    SETTINGS(Material2MZ.TUNE),
    SPEED(Material2MZ.SPEED),

    // Severity
    ERROR(Material2AL.ERROR),
    WARNING(Material2MZ.WARNING),
    INFO(Material2AL.INFO),

    // Themes
    THEME_DARK(Material2MZ.NIGHTS_STAY),
    THEME_LIGHT(Material2MZ.WB_SUNNY);

    private final Ikon glyph;

    Icon(Ikon glyph) {
        this.glyph = glyph;
    }

    /** The Ikonli glyph behind this icon. */
    public Ikon glyph() {
        return glyph;
    }
}
