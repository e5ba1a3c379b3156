package dev.porthole.gdb;

/**
 * A resume or step ended without a stop because the target went away: the guest exited, or its stub closed the
 * connection. Not a debugger failure: a program run to its end is the usual way a Continue finishes.
 */
public final class TargetExitedException extends DebugException {
    public TargetExitedException(String message) {
        super(message);
    }
}
