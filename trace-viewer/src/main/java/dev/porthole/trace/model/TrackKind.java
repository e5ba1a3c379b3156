package dev.porthole.trace.model;

/** What a track stands for; the view groups and colours by it. */
public enum TrackKind {
    /** The launcher's host phases: QEMU spawn, QMP ready, cont, first byte, exit. */
    HOST,
    /** A guest CPU: the boot stages from the Porthole trace stream. */
    GUEST_CPU,
    /** A named lane, such as one Unikraft library's console messages. */
    LANE,
    /** A thread of a Chrome trace (pid, tid). */
    THREAD,
    /** Samples of one counter (Chrome phase C, Porthole {@code C} records). */
    COUNTER
}
