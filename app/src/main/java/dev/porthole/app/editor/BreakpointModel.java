package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace's source breakpoints, at most one per (file, line). The app loads it from porthole.json with
 * {@link #setAll}, writes it back on every change, and keeps the debugger in step through a {@link Listener}; the
 * editor's gutter shows it and edits it. Use it from the FX thread only.
 */
public final class BreakpointModel {
    /** Told of every change, one breakpoint at a time, so a debugger can mirror it with insert/delete commands. */
    public interface Listener {
        void breakpointAdded(SourceBreakpoint breakpoint);

        void breakpointRemoved(SourceBreakpoint breakpoint);

        /** Same file and line, another kind or enabled state. */
        void breakpointChanged(SourceBreakpoint before, SourceBreakpoint after);
    }

    private final ObservableList<SourceBreakpoint> breakpoints = FXCollections.observableArrayList();
    private final ObservableList<SourceBreakpoint> readOnly = FXCollections.unmodifiableObservableList(breakpoints);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Every breakpoint in the order they were set; read-only, observe it to redraw. */
    public ObservableList<SourceBreakpoint> breakpoints() {
        return readOnly;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public Optional<SourceBreakpoint> find(Path file, int line) {
        return breakpoints.stream().filter(b -> b.isAt(file, line)).findFirst();
    }

    public List<SourceBreakpoint> inFile(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return breakpoints.stream().filter(b -> b.file().equals(normalized)).toList();
    }

    /** Adds the breakpoint, or replaces the one already on its line. */
    public void add(SourceBreakpoint breakpoint) {
        Optional<SourceBreakpoint> existing = find(breakpoint.file(), breakpoint.line());
        if (existing.isPresent()) {
            replace(existing.get(), breakpoint);
            return;
        }
        breakpoints.add(breakpoint);
        listeners.forEach(l -> l.breakpointAdded(breakpoint));
    }

    /** Removes the breakpoint on that line, if any; returns what was removed. */
    public Optional<SourceBreakpoint> remove(Path file, int line) {
        Optional<SourceBreakpoint> existing = find(file, line);
        existing.ifPresent(b -> {
            breakpoints.remove(b);
            listeners.forEach(l -> l.breakpointRemoved(b));
        });
        return existing;
    }

    /**
     * What a click in the gutter does: removes the breakpoint on the line if there is one, else adds an enabled one of
     * the given kind.
     *
     * @return the breakpoint now on the line, or empty if the click removed it
     */
    public Optional<SourceBreakpoint> toggle(Path file, int line, boolean hardware) {
        if (remove(file, line).isPresent()) {
            return Optional.empty();
        }
        SourceBreakpoint added = new SourceBreakpoint(file, line, hardware, true);
        add(added);
        return Optional.of(added);
    }

    public void setHardware(Path file, int line, boolean hardware) {
        find(file, line).ifPresent(b -> replace(b, b.withHardware(hardware)));
    }

    public void setEnabled(Path file, int line, boolean enabled) {
        find(file, line).ifPresent(b -> replace(b, b.withEnabled(enabled)));
    }

    /**
     * Replaces everything, as when a workspace is opened; listeners hear one removal per old breakpoint and one
     * addition per new one. Duplicates on one line keep the last.
     */
    public void setAll(Collection<SourceBreakpoint> loaded) {
        for (SourceBreakpoint old : new ArrayList<>(breakpoints)) {
            remove(old.file(), old.line());
        }
        loaded.forEach(this::add);
    }

    private void replace(SourceBreakpoint before, SourceBreakpoint after) {
        if (before.equals(after)) {
            return;
        }
        breakpoints.set(breakpoints.indexOf(before), after);
        listeners.forEach(l -> l.breakpointChanged(before, after));
    }
}
