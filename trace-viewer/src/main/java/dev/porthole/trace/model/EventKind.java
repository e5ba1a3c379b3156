package dev.porthole.trace.model;

/** The three shapes of event the model holds. */
public enum EventKind {
    /** Begin plus duration; nested slices get a depth. */
    SLICE,
    /** A point in time (duration 0). */
    INSTANT,
    /** A counter sample; its values are the event's numeric arguments. */
    COUNTER;

    static final EventKind[] VALUES = values();
}
