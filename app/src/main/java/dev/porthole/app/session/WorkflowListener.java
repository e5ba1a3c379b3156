package dev.porthole.app.session;

import dev.porthole.app.crash.CrashReport;
import dev.porthole.app.workbench.GuestState;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.SerialLine;
import java.nio.file.Path;

/**
 * What {@link GuestWorkflow} tells the window. Calls come from background threads (the launcher's readers, the
 * gdb session thread, the workflow's own worker); implementations hop to the UI thread themselves.
 */
public interface WorkflowListener {
    void stateChanged(GuestState state, boolean underDebugger, String status);

    void buildFinished(BuildOutcome outcome);

    /** A new guest is up: its console and trace channels are about to deliver lines. */
    void guestStarted(Guest guest);

    void consoleLine(SerialLine line);

    void sessionStarted(DebugSession session);

    void stopped(DebugEvent.Stopped stop);

    void running();

    void crashed(CrashReport report);

    void guestExited(GuestExit exit, Path runDir);

    /** Something failed in a way the user must read: the message says what and what to do. */
    void problem(String message);
}
