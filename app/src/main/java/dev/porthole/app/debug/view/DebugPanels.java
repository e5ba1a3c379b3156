package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugListener;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.Frame;

import java.util.List;
import java.util.Objects;

/**
 * All debugger panels, made together and wired to each other: choosing a frame in the Call Stack shows its
 * variables and its code. The app places the views where it likes and forwards the session's events here (or
 * registers {@link #listener()}, which hops to the FX thread itself).
 */
public final class DebugPanels implements DebugPanel {
    private final BreakpointsView breakpoints = new BreakpointsView(new BreakpointsViewModel());
    private final CallStackView callStack;
    private final VariablesView variables = new VariablesView(new VariablesViewModel());
    private final WatchView watch = new WatchView(new WatchViewModel());
    private final RegistersView registers = new RegistersView(new RegistersViewModel());
    private final MemoryView memory = new MemoryView(new MemoryViewModel());
    private final DisassemblyView disassembly = new DisassemblyView(new DisassemblyViewModel());
    private final MonitorView monitor = new MonitorView(new MonitorViewModel());
    private final List<DebugPanel> all;

    /** {@code sources}: how the app finds a frame's file, the same resolver its own stop marker uses. */
    public DebugPanels(SourceNavigator navigator, FrameSourceResolver sources) {
        Objects.requireNonNull(navigator, "navigator");
        callStack = new CallStackView(new CallStackViewModel(navigator, sources));
        all = List.of(breakpoints, callStack, variables, watch, registers, memory, disassembly, monitor);
        callStack.model().selectedLevelProperty().addListener((obs, was, level) -> {
            int l = level.intValue();
            callStack.model().frames().stream().filter(f -> f.level() == l).findFirst().ifPresent(this::frameChosen);
        });
    }

    private void frameChosen(Frame frame) {
        variables.model().selectFrame(frame.level(), frame.function());
        if (disassembly.model().requestedPc() != frame.address()) {
            disassembly.model().show(frame);
        }
    }

    /** A session listener that forwards stops, runs and the end of the session to the panels on the FX thread. */
    public DebugListener listener() {
        return event -> FxThread.EXECUTOR.execute(() -> {
            if (event instanceof DebugEvent.Stopped stop) {
                onStopped(stop);
            } else if (event instanceof DebugEvent.Running) {
                onRunning();
            } else if (event instanceof DebugEvent.Exited || event instanceof DebugEvent.Failed) {
                detach();
            }
        });
    }

    @Override
    public void attach(DebugSession session) {
        all.forEach(p -> p.attach(session));
    }

    @Override
    public void onStopped(DebugEvent.Stopped stop) {
        all.forEach(p -> p.onStopped(stop));
    }

    @Override
    public void onRunning() {
        all.forEach(DebugPanel::onRunning);
    }

    @Override
    public void detach() {
        all.forEach(DebugPanel::detach);
    }

    public List<DebugPanel> all() {
        return all;
    }

    public BreakpointsView breakpoints() {
        return breakpoints;
    }

    public CallStackView callStack() {
        return callStack;
    }

    public VariablesView variables() {
        return variables;
    }

    public WatchView watch() {
        return watch;
    }

    public RegistersView registers() {
        return registers;
    }

    public MemoryView memory() {
        return memory;
    }

    public DisassemblyView disassembly() {
        return disassembly;
    }

    public MonitorView monitor() {
        return monitor;
    }
}
