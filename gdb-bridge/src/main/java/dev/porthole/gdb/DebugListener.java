package dev.porthole.gdb;

/**
 * Receives a session's events on the session thread. Must return quickly and must not block on the session's
 * futures (that thread completes them); a view hops to its own thread ({@code Platform.runLater}).
 */
@FunctionalInterface
public interface DebugListener {
    void onEvent(DebugEvent event);
}
