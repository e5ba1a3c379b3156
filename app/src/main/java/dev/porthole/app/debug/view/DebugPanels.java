package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugListener;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.Frame;
import dev.porthole.icons.FrameGate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * All debugger panels, made together and wired to each other: choosing a frame in the Call Stack shows its
 * variables and its code. The app places the views where it likes and forwards the session's events here (or
 * registers {@link #listener()}, which hops to the FX thread itself).
 */
public final class DebugPanels implements DebugPanel {
    private final BreakpointsView breakpoints = inFramesOfItsOwn(ui -> new BreakpointsView(new BreakpointsViewModel(ui)));
    private final CallStackView callStack;
    private final VariablesView variables = inFramesOfItsOwn(ui -> new VariablesView(new VariablesViewModel(ui)));
    private final WatchView watch = inFramesOfItsOwn(ui -> new WatchView(new WatchViewModel(ui)));
    private final RegistersView registers = inFramesOfItsOwn(ui -> new RegistersView(new RegistersViewModel(ui)));
    private final MemoryView memory = inFramesOfItsOwn(ui -> new MemoryView(new MemoryViewModel(ui, MemoryViewModel.DEFAULT_WINDOW)));
    private final DisassemblyView disassembly = inFramesOfItsOwn(ui -> new DisassemblyView(new DisassemblyViewModel(ui)));
    private final MonitorView monitor = inFramesOfItsOwn(ui -> new MonitorView(new MonitorViewModel(ui)));
    private final List<DebugPanel> all;

    /** {@code sources}: how the app finds a frame's file, the same resolver its own stop marker uses. */
    public DebugPanels(SourceNavigator navigator, FrameSourceResolver sources) {
        Objects.requireNonNull(navigator, "navigator");
        callStack = inFramesOfItsOwn(ui -> new CallStackView(new CallStackViewModel(navigator, sources, ui)));
        all = List.of(breakpoints, callStack, variables, watch, registers, memory, disassembly, monitor);
        callStack.model().selectedLevelProperty().addListener((obs, was, level) -> {
            int l = level.intValue();
            callStack.model().frames().stream().filter(f -> f.level() == l).findFirst().ifPresent(this::frameChosen);
        });
    }

    /**
     * A panel whose view model delivers gdb's answers on the FX thread, each in a frame of its own in the panel's
     * window ({@link FrameGate}): at a stop, the Call Stack's rows, the disassembly and the registers came with the
     * editor's stopped line, and were styled and laid out in one pulse of up to 120 ms. A panel not on screen gets
     * its answers at once.
     */
    private static <V extends Node> V inFramesOfItsOwn(Function<Executor, V> make) {
        Node[] view = new Node[1];
        V made = make.apply(task -> FxThread.EXECUTOR.execute(() -> {
            if (view[0] == null) {
                task.run();
            } else {
                FrameGate.run(view[0], task);
            }
        }));
        view[0] = made;
        return made;
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
