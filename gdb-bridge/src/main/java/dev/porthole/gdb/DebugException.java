package dev.porthole.gdb;

/**
 * A debugger command failed. For gdb, {@link #getMessage()} carries gdb's own {@code ^error} text, prefixed
 * by the command that was sent.
 */
public class DebugException extends RuntimeException {
    public DebugException(String message) {
        super(message);
    }

    public DebugException(String message, Throwable cause) {
        super(message, cause);
    }
}
