package dev.porthole.app.workbench;

import dev.porthole.app.debug.view.DebugPanels;
import dev.porthole.app.runs.RunSummary;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.icons.Icon;
import dev.porthole.trace.run.RunTraceLoader;
import dev.porthole.trace.view.TraceWorkbenchPane;
import javafx.scene.control.Tab;

/**
 * The panels other modules contribute to the workbench, plugged in in one place: the debugger panels (gdb-bridge
 * sessions) and the trace timeline (trace-viewer). Each view brings its own stylesheet.
 */
final class WorkbenchPanels {
    private WorkbenchPanels() {
    }

    /** Their tabs, in order, for the window's first frame; {@link #install} fills them (after that frame). */
    static void reserveTabs(Workbench workbench) {
        workbench.view().reserveDebugPanel("Call Stack", Icon.CALL_STACK);
        workbench.view().reserveDebugPanel("Variables", Icon.VARIABLES);
        workbench.view().reserveDebugPanel("Watch", Icon.WATCH);
        workbench.view().reserveDebugPanel("Registers", Icon.REGISTERS);
        workbench.view().reserveDebugPanel("Memory", Icon.MEMORY);
        workbench.view().reserveDebugPanel("Disassembly", Icon.DISASSEMBLY);
        workbench.view().reserveDebugPanel("Breakpoints", Icon.BREAKPOINT);
        workbench.view().reserveBottomPanel("QEMU Monitor", Icon.MONITOR);
        workbench.view().reserveBottomPanel("Trace", Icon.TRACE);
    }

    static void install(Workbench workbench) {
        installDebugPanels(workbench);
        installTrace(workbench);
    }

    private static void installDebugPanels(Workbench workbench) {
        DebugPanels panels = new DebugPanels(workbench::openSource);
        Workbench.DebugPanelHost host = new Workbench.DebugPanelHost() {
            @Override
            public void attach(DebugSession session) {
                panels.attach(session);
            }

            @Override
            public void onStopped(DebugEvent.Stopped stop) {
                panels.onStopped(stop);
            }

            @Override
            public void onRunning() {
                panels.onRunning();
            }

            @Override
            public void detach() {
                panels.detach();
            }
        };
        Tab stack = workbench.addDebugPanel("Call Stack", Icon.CALL_STACK, panels.callStack(), host);
        workbench.addDebugPanel("Variables", Icon.VARIABLES, panels.variables(), null);
        workbench.addDebugPanel("Watch", Icon.WATCH, panels.watch(), null);
        workbench.addDebugPanel("Registers", Icon.REGISTERS, panels.registers(), null);
        workbench.addDebugPanel("Memory", Icon.MEMORY, panels.memory(), null);
        workbench.addDebugPanel("Disassembly", Icon.DISASSEMBLY, panels.disassembly(), null);
        workbench.addDebugPanel("Breakpoints", Icon.BREAKPOINT, panels.breakpoints(), null);
        workbench.addBottomPanel("QEMU Monitor", Icon.MONITOR, panels.monitor());
        workbench.view().selectDebugPanel(stack);
    }

    private static void installTrace(Workbench workbench) {
        TraceWorkbenchPane trace = new TraceWorkbenchPane();
        Tab tab = workbench.addBottomPanel("Trace", Icon.TRACE, trace);
        trace.darkProperty().set(workbench.theme() == dev.porthole.app.theme.Theme.DARK);
        workbench.onThemeChanged(theme -> trace.darkProperty().set(theme == dev.porthole.app.theme.Theme.DARK));
        // followLive(guest) listens to the guest's trace channel itself.
        workbench.onGuestStarted(trace::followLive);
        workbench.onRunOpened(run -> loadRun(workbench, trace, run));
        workbench.onRunsCompared((older, newer) -> {
            workbench.tasks().run("compare traces", () -> new Object[] {RunTraceLoader.load(older.dir()), RunTraceLoader.load(newer.dir())},
                    both -> {
                        trace.showDiff((dev.porthole.trace.model.Trace) both[0], (dev.porthole.trace.model.Trace) both[1], older.id(), newer.id());
                        workbench.view().selectBottomPanel(tab);
                    }, e -> workbench.problem("cannot compare the traces: " + e.getMessage()));
        });
    }

    private static void loadRun(Workbench workbench, TraceWorkbenchPane trace, RunSummary run) {
        if (!run.hasTrace()) {
            return;
        }
        trace.stopFollowing();
        workbench.tasks().run("load trace " + run.id(), () -> RunTraceLoader.load(run.dir()), trace::show,
                e -> workbench.problem("cannot read the trace of " + run.id() + ": " + e.getMessage()));
    }
}
