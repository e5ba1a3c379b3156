package dev.porthole.app.workbench;

import dev.porthole.app.debug.view.DebugPanels;
import dev.porthole.app.runs.RunSummary;
import dev.porthole.icons.Icon;
import dev.porthole.trace.analysis.PhaseStats;
import dev.porthole.trace.analysis.PhaseTable;
import dev.porthole.trace.analysis.TraceDiff;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.run.RunTraceLoader;
import dev.porthole.trace.view.TraceWorkbenchPane;
import java.util.List;
import javafx.scene.control.Tab;

/**
 * The panels other modules contribute to the workbench, plugged in in one place: the debugger panels (gdb-bridge
 * sessions) and the trace timeline (trace-viewer). Each view brings its own stylesheet.
 */
final class WorkbenchPanels {
    private final Workbench workbench;
    private final Tab callStack;
    private final Tab variables;
    private final Tab watch;
    private final Tab registers;
    private final Tab memory;
    private final Tab disassembly;
    private final Tab breakpoints;
    private final Tab monitor;
    private final Tab trace;

    private DebugPanels debugPanels;
    private boolean debugPanelsPlaced;
    private boolean traceInstalled;

    /** Puts their tabs in place, in order, for the window's first frame; {@link #install} fills them after it. */
    WorkbenchPanels(Workbench workbench) {
        this.workbench = workbench;
        WorkbenchView view = workbench.view();
        callStack = view.reserveDebugPanel("Call Stack", Icon.CALL_STACK);
        variables = view.reserveDebugPanel("Variables", Icon.VARIABLES);
        watch = view.reserveDebugPanel("Watch", Icon.WATCH);
        registers = view.reserveDebugPanel("Registers", Icon.REGISTERS);
        memory = view.reserveDebugPanel("Memory", Icon.MEMORY);
        disassembly = view.reserveDebugPanel("Disassembly", Icon.DISASSEMBLY);
        breakpoints = view.reserveDebugPanel("Breakpoints", Icon.BREAKPOINT);
        monitor = view.reserveBottomPanel("QEMU Monitor", Icon.MONITOR);
        trace = view.reserveBottomPanel("Trace", Icon.TRACE);
    }

    /** Makes the panels and puts them in their tabs, now. */
    void install() {
        installSteps().forEach(Runnable::run);
    }

    /**
     * The same, as steps to run one per frame: the debugger's panels made, then put in their tabs (the Call Stack is
     * shown at first, so styled in the frame after), then the trace viewer. Each runs once.
     */
    List<Runnable> installSteps() {
        return List.of(
                () -> {
                    if (debugPanels == null) {
                        debugPanels = new DebugPanels(workbench::openSource, workbench.frameSources());
                    }
                },
                () -> {
                    if (!debugPanelsPlaced) {
                        debugPanelsPlaced = true;
                        placeDebugPanels();
                    }
                },
                () -> {
                    if (!traceInstalled) {
                        traceInstalled = true;
                        installTrace();
                    }
                });
    }

    private void placeDebugPanels() {
        DebugPanels panels = debugPanels;
        workbench.followSession(panels);
        WorkbenchView view = workbench.view();
        view.fillPanel(callStack, panels.callStack());
        view.fillPanel(variables, panels.variables());
        view.fillPanel(watch, panels.watch());
        view.fillPanel(registers, panels.registers());
        view.fillPanel(memory, panels.memory());
        view.fillPanel(disassembly, panels.disassembly());
        view.fillPanel(breakpoints, panels.breakpoints());
        view.fillPanel(monitor, panels.monitor());
        view.selectDebugPanel(callStack);
    }

    private void installTrace() {
        TraceWorkbenchPane pane = new TraceWorkbenchPane();
        workbench.view().fillPanel(trace, pane);
        pane.darkProperty().set(workbench.theme() == dev.porthole.app.theme.Theme.DARK);
        workbench.onThemeChanged(theme -> pane.darkProperty().set(theme == dev.porthole.app.theme.Theme.DARK));
        // followLive(guest) listens to the guest's trace channel itself.
        workbench.onGuestStarted(pane::followLive);
        workbench.onRunOpened(run -> loadRun(workbench, pane, run));
        workbench.onRunsCompared((older, newer) -> workbench.tasks().run("compare traces", () -> {
            Trace a = RunTraceLoader.load(older.dir());
            Trace b = RunTraceLoader.load(newer.dir());
            return new Compared(a, b, TraceDiff.of(a, b));
        }, compared -> {
            pane.showDiff(compared.a(), compared.b(), compared.rows(), older.id(), newer.id());
            workbench.view().selectBottomPanel(trace);
        }, e -> workbench.problem("cannot compare the traces: " + e.getMessage())));
    }

    private static void loadRun(Workbench workbench, TraceWorkbenchPane trace, RunSummary run) {
        if (!run.hasTrace()) {
            return;
        }
        trace.stopFollowing();
        // The phase table is a pass over every event: made in the background with the load, not on the FX thread.
        workbench.tasks().run("load trace " + run.id(), () -> {
            Trace loaded = RunTraceLoader.load(run.dir());
            return new Loaded(loaded, PhaseTable.of(loaded));
        }, loaded -> trace.show(loaded.trace(), loaded.phases()),
                e -> workbench.problem("cannot read the trace of " + run.id() + ": " + e.getMessage()));
    }

    private record Loaded(Trace trace, List<PhaseStats> phases) {
    }

    private record Compared(Trace a, Trace b, List<TraceDiff.Row> rows) {
    }
}
