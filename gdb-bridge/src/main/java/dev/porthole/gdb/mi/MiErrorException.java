package dev.porthole.gdb.mi;

import dev.porthole.gdb.DebugException;

/** gdb answered {@code ^error}; the message is gdb's own, after the command that was sent. */
public class MiErrorException extends DebugException {
    private final String gdbMessage;

    public MiErrorException(String command, String gdbMessage) {
        super("gdb refused '" + command + "': " + gdbMessage);
        this.gdbMessage = gdbMessage;
    }

    /** gdb's message alone, e.g. {@code Function "nosuch" not defined.} */
    public String gdbMessage() {
        return gdbMessage;
    }
}
