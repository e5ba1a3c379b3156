package dev.porthole.launcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asynchronous QMP event ({@code STOP}, {@code RESUME}, {@code SHUTDOWN}, {@code RESET}, {@code GUEST_PANICKED}, ...).
 *
 * @param name        the event name
 * @param data        its {@code data} member (an empty object when QEMU sent none)
 * @param qemuMicros  QEMU's wall-clock timestamp, microseconds since the epoch
 * @param hostNanos   when Porthole read it ({@link System#nanoTime()})
 */
public record QmpEvent(String name, JsonNode data, long qemuMicros, long hostNanos) {
    public static final String STOP = "STOP";
    public static final String RESUME = "RESUME";
    public static final String SHUTDOWN = "SHUTDOWN";
    public static final String RESET = "RESET";
    public static final String GUEST_PANICKED = "GUEST_PANICKED";
}
