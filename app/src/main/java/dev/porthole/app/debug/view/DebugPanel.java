package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;

/**
 * What the workbench tells every debugger panel. All calls come on the FX thread; a panel asks the session for
 * what it shows (asynchronously) and never blocks. A panel does not listen to the session itself: the app owns the
 * one listener and forwards, so every panel sees the same stop in the same order.
 */
public interface DebugPanel {

    /** A session is there; the target may be stopped (then {@link #onStopped} follows) or running. */
    void attach(DebugSession session);

    /** The target stopped: re-read what the panel shows. */
    void onStopped(DebugEvent.Stopped stop);

    /** The target runs again: what the panel shows is stale; it greys out or clears, and disables its actions. */
    void onRunning();

    /** The session is over (detached, exited or failed): forget it and clear. */
    void detach();
}
