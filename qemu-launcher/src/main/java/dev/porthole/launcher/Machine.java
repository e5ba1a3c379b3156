package dev.porthole.launcher;

import java.util.Locale;

/** The QEMU machine type ({@code -M}). {@link #MICROVM} is the default: no BIOS, the fastest boot. */
public enum Machine {
    MICROVM, PC, Q35;

    /** The name QEMU's {@code -M} takes. */
    public String qemuName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code microvm}, {@code pc} or {@code q35} (any case); the error lists the choices. */
    public static Machine parse(String text) {
        for (Machine m : values()) {
            if (m.qemuName().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown machine '" + text + "'; choose microvm, pc or q35");
    }
}
