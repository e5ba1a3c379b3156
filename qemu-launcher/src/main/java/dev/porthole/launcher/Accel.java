package dev.porthole.launcher;

import java.util.Locale;

/** The accelerator ({@code -accel}). {@link #AUTO} probes KVM once per host and QEMU and caches the verdict (see {@link AccelProbe}). */
public enum Accel {
    AUTO, TCG, KVM;

    /** The name QEMU's {@code -accel} takes; AUTO has none (resolve it first). */
    public String qemuName() {
        if (this == AUTO) {
            throw new IllegalStateException("accel auto must be resolved to tcg or kvm before building QEMU's command line");
        }
        return name().toLowerCase(Locale.ROOT);
    }

    public static Accel parse(String text) {
        for (Accel a : values()) {
            if (a.name().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown accelerator '" + text + "'; choose auto, tcg or kvm");
    }
}
