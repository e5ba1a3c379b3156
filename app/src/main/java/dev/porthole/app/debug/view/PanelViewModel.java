package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What every debugger panel's view model shares: the session, the thread results are delivered on, a status line,
 * and a generation number so that an answer to a question asked before the last stop (or before a resume) is
 * dropped instead of overwriting newer data.
 */
abstract class PanelViewModel implements DebugPanel {
    private final Executor ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error", false);
    private final ReadOnlyBooleanWrapper stopped = new ReadOnlyBooleanWrapper(this, "stopped", false);
    private final ReadOnlyLongWrapper answers = new ReadOnlyLongWrapper(this, "answers", 0);
    private DebugSession session;
    private DebugEvent.Stopped lastStop;
    private long generation;

    PanelViewModel(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui executor");
    }

    @Override
    public void attach(DebugSession newSession) {
        this.session = Objects.requireNonNull(newSession, "session");
        generation++;
        setStatus("");
        onAttached();
    }

    @Override
    public final void onStopped(DebugEvent.Stopped stop) {
        if (session == null) {
            return;
        }
        lastStop = stop;
        generation++;
        stopped.set(true);
        setStatus("");
        refresh(stop);
    }

    @Override
    public void onRunning() {
        generation++;
        stopped.set(false);
        onTargetRunning();
    }

    @Override
    public void detach() {
        generation++;
        session = null;
        lastStop = null;
        stopped.set(false);
        setStatus("");
        clear();
    }

    /** Re-read everything this panel shows; the target is stopped at {@code stop}. */
    protected abstract void refresh(DebugEvent.Stopped stop);

    /** Forget everything shown (the session ended). */
    protected abstract void clear();

    /** The session was attached; the target may not be stopped yet. */
    protected void onAttached() {
    }

    /** The target runs: by default the panel clears what it shows. */
    protected void onTargetRunning() {
        clear();
    }

    protected Optional<DebugSession> session() {
        return Optional.ofNullable(session);
    }

    protected Optional<DebugEvent.Stopped> lastStop() {
        return Optional.ofNullable(lastStop);
    }

    /**
     * Delivers {@code future}'s value to {@code onValue} on the UI executor, unless the panel moved on (another stop,
     * a resume, a detach) before it arrived. A failure goes to the status line prefixed by {@code what}.
     */
    protected <T> void deliver(CompletableFuture<T> future, String what, Consumer<T> onValue) {
        deliver(future, what, onValue, stale -> { });
    }

    /** As {@link #deliver(CompletableFuture, String, Consumer)}; a value that arrives too late goes to {@code onStale}. */
    protected <T> void deliver(CompletableFuture<T> future, String what, Consumer<T> onValue, Consumer<T> onStale) {
        long asked = generation;
        future.whenComplete((value, failure) -> ui.execute(() -> {
            if (asked != generation) {
                if (failure == null) {
                    onStale.accept(value);
                }
                return;
            }
            if (failure != null) {
                setError(what + ": " + dev.porthole.app.task.TaskRunner.messageOf(failure));
            } else {
                onValue.accept(value);
            }
            answers.set(answers.get() + 1);
        }));
    }

    /**
     * Counts the answers (values or failures) that reached the panel for the stop it shows. An answer may leave the
     * panel's lists as they were (no locals in an empty list): this tells the view the stop has been answered.
     */
    ReadOnlyLongProperty answersProperty() {
        return answers.getReadOnlyProperty();
    }

    /** Whether a debug session is attached. */
    boolean hasSession() {
        return session != null;
    }

    /** As {@link #deliver} but also after a newer stop: for user actions whose answer is never stale (add, delete). */
    protected <T> void deliverAlways(CompletableFuture<T> future, String what, Consumer<T> onValue) {
        future.whenComplete((value, failure) -> ui.execute(() -> {
            if (failure != null) {
                setError(what + ": " + dev.porthole.app.task.TaskRunner.messageOf(failure));
            } else {
                onValue.accept(value);
            }
        }));
    }

    protected void setStatus(String text) {
        status.set(text);
        error.set(false);
    }

    protected void setError(String text) {
        status.set(text);
        error.set(true);
    }

    /** The last failure or note, empty when all is well. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether {@link #statusProperty()} reports a failure. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the target is stopped, so actions that need a stopped target can be enabled. */
    public ReadOnlyBooleanProperty stoppedProperty() {
        return stopped.getReadOnlyProperty();
    }

    protected Executor ui() {
        return ui;
    }
}
