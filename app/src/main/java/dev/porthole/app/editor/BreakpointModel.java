package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

        /**
         * Same breakpoint, another line: the user inserted or deleted lines above it. By default a removal and an
         * addition, which is what a debugger has to do anyway.
         */
        default void breakpointMoved(SourceBreakpoint before, SourceBreakpoint after) {
            breakpointRemoved(before);
            breakpointAdded(after);
        }
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

    /**
     * Keeps breakpoints on their text while the user edits: {@code removedLines} whole lines starting at
     * {@code firstLine} were deleted and {@code insertedLines} inserted in their place. Breakpoints on deleted lines
     * go; those below move by the difference.
     */
    public void linesReplaced(Path file, int firstLine, int removedLines, int insertedLines) {
        int delta = insertedLines - removedLines;
        // Moving down, start with the lowest breakpoint (moving up, the highest) so no two ever share a line.
        Comparator<SourceBreakpoint> order = Comparator.comparingInt(SourceBreakpoint::line);
        List<SourceBreakpoint> affected = new ArrayList<>(inFile(file));
        affected.sort(delta > 0 ? order.reversed() : order);
        for (SourceBreakpoint breakpoint : affected) {
            int line = breakpoint.line();
            if (line < firstLine) {
                continue;
            }
            if (line < firstLine + removedLines) {
                remove(file, line);
            } else if (delta != 0) {
                SourceBreakpoint moved = new SourceBreakpoint(breakpoint.file(), line + delta, breakpoint.hardware(),
                        breakpoint.enabled());
                breakpoints.set(breakpoints.indexOf(breakpoint), moved);
                listeners.forEach(l -> l.breakpointMoved(breakpoint, moved));
            }
        }
    }

    private void replace(SourceBreakpoint before, SourceBreakpoint after) {
        if (before.equals(after)) {
            return;
        }
        breakpoints.set(breakpoints.indexOf(before), after);
        listeners.forEach(l -> l.breakpointChanged(before, after));
    }
}
