package dev.porthole.app.workbench;

import java.util.EnumSet;
import java.util.Set;

/** Where the current guest is, as the status bar and the action enablement see it. */
public enum GuestState {
    IDLE("No guest", "ph-state-idle"),
    BUILDING("Building", "ph-state-busy"),
    BOOTING("Booting", "ph-state-busy"),
    RUNNING("Running", "ph-state-running"),
    STOPPED("Stopped", "ph-state-stopped"),
    EXITED("Exited", "ph-state-idle"),
    PANICKED("Panicked", "ph-state-panicked"),
    FAILED("Failed", "ph-state-failed");

    /** States in which no guest process exists, so a new one may start. */
    public static final Set<GuestState> NO_GUEST = EnumSet.of(IDLE, EXITED, PANICKED, FAILED);

    private final String label;
    private final String styleClass;

    GuestState(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    public String styleClass() {
        return styleClass;
    }

    public boolean hasGuest() {
        return !NO_GUEST.contains(this) && this != BUILDING;
    }
}
