package dev.porthole.gdb;

/** The life of a debug session. Moves only forward to EXITED or FAILED, which are final. */
public enum SessionState {
    CONNECTING,
    RUNNING,
    STOPPED,
    EXITED,
    FAILED;

    public boolean isFinal() {
        return this == EXITED || this == FAILED;
    }
}
