package dev.porthole.app.debug.view;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The breakpoint list: what gdb reports, re-read after every change and every stop (hit counts move). Unlike the
 * other panels it keeps its rows while the target runs: breakpoints can be added and deleted then too.
 */
public final class BreakpointsViewModel extends PanelViewModel {

    /** One row: the breakpoint as gdb last reported it. */
    public record Row(Breakpoint breakpoint) {
        public int id() {
            return breakpoint.id();
        }

        /** {@code kmain at main.c:26}, or the watched expression, or the location the user typed. */
        public String location() {
            Breakpoint b = breakpoint;
            if (b.kind().isWatchpoint()) {
                return b.location();
            }
            String where = b.function().orElse(b.location());
            if (b.file().isPresent() && b.line().isPresent()) {
                where += " at " + b.file().get() + ":" + b.line().getAsInt();
            }
            return where;
        }

        /** {@code hardware}, {@code software}, {@code watch (write)}, {@code watch (read)}, {@code watch (access)}. */
        public String kindText() {
            return switch (breakpoint.kind()) {
                case CODE -> breakpoint.hardware() ? "hardware" : "software";
                case WATCH_WRITE -> "watch (write)";
                case WATCH_READ -> "watch (read)";
                case WATCH_ACCESS -> "watch (access)";
            };
        }

        /** gdb's own short words, for a narrow column: {@code sw}, {@code hw}, {@code watch}, {@code rwatch}, {@code awatch}. */
        public String kindShort() {
            return switch (breakpoint.kind()) {
                case CODE -> breakpoint.hardware() ? "hw" : "sw";
                case WATCH_WRITE -> "watch";
                case WATCH_READ -> "rwatch";
                case WATCH_ACCESS -> "awatch";
            };
        }

        public String address() {
            return breakpoint.address().isPresent() ? "0x" + Long.toHexString(breakpoint.address().getAsLong()) : "";
        }

        public String condition() {
            return breakpoint.condition().orElse("");
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public BreakpointsViewModel(Executor ui) {
        super(ui);
    }

    public BreakpointsViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    @Override
    protected void onAttached() {
        reload();
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        reload();
    }

    @Override
    protected void onTargetRunning() {
        // keep the list: breakpoints stay valid while the target runs
    }

    @Override
    protected void clear() {
        rows.clear();
    }

    /** Re-reads the list from the debugger. */
    public void reload() {
        session().ifPresent(s -> deliverAlways(s.breakpoints(), "could not list the breakpoints", this::show));
    }

    private void show(List<Breakpoint> breakpoints) {
        rows.setAll(breakpoints.stream().map(Row::new).toList());
    }

    /**
     * Adds a breakpoint at a function, {@code file:line} or {@code *address}; {@code condition} may be blank.
     * Completes with the breakpoint gdb made, or fails with gdb's reason (also shown in the status line).
     */
    public CompletableFuture<Breakpoint> addBreakpoint(String location, String condition) {
        if (location == null || location.isBlank()) {
            setError("type a function, file:line or *address to break at");
            return CompletableFuture.failedFuture(new IllegalArgumentException("no location"));
        }
        return withSession("add a breakpoint at " + location.strip(), s -> {
            BreakpointSpec spec = BreakpointSpec.at(location.strip());
            if (condition != null && !condition.isBlank()) {
                spec = spec.withCondition(condition.strip());
            }
            return s.insertBreakpoint(spec);
        });
    }

    /** Adds a watchpoint on {@code expression} that stops on writes, reads or both. */
    public CompletableFuture<Breakpoint> addWatchpoint(String expression, BreakpointKind kind) {
        if (expression == null || expression.isBlank()) {
            setError("type an expression to watch, e.g. compute_result");
            return CompletableFuture.failedFuture(new IllegalArgumentException("no expression"));
        }
        if (!kind.isWatchpoint()) {
            throw new IllegalArgumentException("not a watchpoint kind: " + kind);
        }
        return withSession("watch " + expression.strip(), s -> s.insertWatchpoint(expression.strip(), kind));
    }

    public CompletableFuture<Void> delete(int id) {
        return withSession("delete breakpoint #" + id, s -> s.deleteBreakpoint(id));
    }

    public CompletableFuture<Void> setEnabled(int id, boolean enabled) {
        return withSession((enabled ? "enable" : "disable") + " breakpoint #" + id, s -> s.enableBreakpoint(id, enabled));
    }

    public Optional<Row> row(int id) {
        return rows.stream().filter(r -> r.id() == id).findFirst();
    }

    private <T> CompletableFuture<T> withSession(String what, java.util.function.Function<DebugSession, CompletableFuture<T>> action) {
        Optional<DebugSession> s = session();
        if (s.isEmpty()) {
            setError("could not " + what + ": no debug session; start one with Debug first");
            return CompletableFuture.failedFuture(new IllegalStateException("no debug session"));
        }
        CompletableFuture<T> result = action.apply(s.get());
        deliverAlways(result, "could not " + what, value -> {
            setStatus("");
            reload();
        });
        return result;
    }
}
