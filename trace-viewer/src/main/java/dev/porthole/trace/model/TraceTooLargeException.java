package dev.porthole.trace.model;

/**
 * The trace would not fit in the memory this JVM may use. Thrown before the heap runs out, never instead of
 * loading a trace that fits; the message says how many events were read, what they need, and what to do.
 */
public final class TraceTooLargeException extends RuntimeException {
    public TraceTooLargeException(String message) {
        super(message);
    }
}
