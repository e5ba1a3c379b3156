package dev.porthole.app.workbench;

import dev.porthole.icons.Icon;
import javafx.scene.input.KeyCombination;

/**
 * Every command of the workbench, with its label, icon and shortcut. Menus, the toolbar and the key bindings are
 * all built from this list, so a shortcut shown in a menu is the shortcut that works.
 */
public enum WorkbenchAction {
    OPEN_FOLDER("Open Folder…", Icon.FOLDER_OPEN, "Shortcut+O"),
    SAVE("Save", Icon.SAVE, "Shortcut+S"),
    BUILD("Build", Icon.BUILD, "Shortcut+B"),
    RUN("Run", Icon.RUN, "Shortcut+F5"),
    DEBUG("Debug", Icon.DEBUG, "F5"),
    CONTINUE("Continue", Icon.CONTINUE, "F5"),
    PAUSE("Pause", Icon.PAUSE, "F6"),
    STEP_OVER("Step Over", Icon.STEP_OVER, "F10"),
    STEP_INTO("Step Into", Icon.STEP_INTO, "F11"),
    STEP_OUT("Step Out", Icon.STEP_OUT, "Shift+F11"),
    RUN_TO_LINE("Run to Cursor", Icon.RUN_TO_LINE, "Shortcut+F10"),
    RESTART("Restart", Icon.RESTART, "Shortcut+Shift+F5"),
    STOP("Stop", Icon.STOP, "Shift+F5"),
    TOGGLE_THEME("Toggle Dark/Light Theme", Icon.THEME_LIGHT, "Shortcut+Shift+T");

    private final String label;
    private final Icon icon;
    private final KeyCombination shortcut;

    WorkbenchAction(String label, Icon icon, String shortcut) {
        this.label = label;
        this.icon = icon;
        this.shortcut = KeyCombination.valueOf(shortcut);
    }

    public String label() {
        return label;
    }

    public Icon icon() {
        return icon;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }

    /** The tooltip text: {@code Step Over (F10)}. */
    public String tooltip() {
        return label + " (" + shortcut.getDisplayText() + ")";
    }

    /** The style class a toolbar button carries, e.g. {@code ph-action-step-over}, for colouring and for tests. */
    public String styleClass() {
        return "ph-action-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
