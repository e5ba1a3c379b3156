package dev.porthole.gdb;

/** What a breakpoint watches; for watchpoints, which accesses stop the target. */
public enum BreakpointKind {
    CODE,
    WATCH_WRITE,
    WATCH_READ,
    WATCH_ACCESS;

    public boolean isWatchpoint() {
        return this != CODE;
    }
}
