package dev.porthole.build.view;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.run.BuildConfig;
import dev.porthole.build.run.BuildListener;
import dev.porthole.build.run.BuildResult;
import dev.porthole.build.run.BuildRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind {@link BuildLogView}: the live log (each line with its elapsed time and, for lines that
 * are diagnostics, their severity for colouring), the running flag, elapsed time, the diagnostics found so
 * far and the result. Starts and cancels builds through {@link BuildRunner}; listener calls hop to the UI
 * executor of {@link ViewThreads} in batches: the build's thread queues what it reports, and one UI task at a
 * time (at most one is waiting) takes everything queued so far. A build that prints thousands of lines costs
 * the FX thread one task per pulse, not one per line.
 */
public final class BuildLogViewModel {
    /** One line of the log. {@code severity} is null for ordinary output. */
    public record LogLine(String text, Duration elapsed, Severity severity) {
    }

    private static final Pattern ERROR_LINE = Pattern.compile(
            ":\\d+(?::\\d+)?: (?:fatal error|error|Error): |: undefined reference to |: multiple definition of |^\\S*ld(?:\\.\\w+)?: |\\*\\*\\* |^\\S+: error: ");
    private static final Pattern WARNING_LINE = Pattern.compile(":\\d+(?::\\d+)?: (?:warning|Warning): |^\\S*ld(?:\\.\\w+)?: warning: ");
    private static final Pattern NOTE_LINE = Pattern.compile(":\\d+(?::\\d+)?: note: ");

    private final ViewThreads threads;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    // one read-only view each, kept here: a fresh wrapper per call would listen to the list only weakly
    private final ObservableList<LogLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<Diagnostic> readOnlyDiagnostics = FXCollections.unmodifiableObservableList(diagnostics);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("not built yet");
    private final ReadOnlyObjectWrapper<BuildResult> result = new ReadOnlyObjectWrapper<>();
    private BuildRunner.Running current;

    // Filled by the build's output thread, emptied by drain() on the UI thread.
    private final Queue<LogLine> pendingLines = new ConcurrentLinkedQueue<>();
    private final Queue<Diagnostic> pendingDiagnostics = new ConcurrentLinkedQueue<>();
    private final AtomicReference<BuildResult> pendingResult = new AtomicReference<>();
    private final AtomicReference<Duration> pendingElapsed = new AtomicReference<>();
    /** True from when a drain is handed to the UI executor until that drain starts: no second one is queued. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    public BuildLogViewModel(ViewThreads threads) {
        this.threads = threads;
    }

    /** Starts a build (ignored while one runs). Returns at once; with {@link ViewThreads#sameThread()} the output arrives as it comes. */
    public void start(BuildConfig config) {
        if (running.get()) {
            return;
        }
        lines.clear();
        diagnostics.clear();
        result.set(null);
        running.set(true);
        status.set("building: " + config.command());
        elapsedText.set(format(Duration.ZERO));
        current = new BuildRunner(config).start(batchingListener());
    }

    /** What the build reports, queued for the next drain on the UI thread (package-private for tests). */
    BuildListener batchingListener() {
        return new BuildListener() {
            @Override
            public void line(String text, Duration elapsed) {
                pendingLines.add(new LogLine(text, elapsed, classify(text)));
                pendingElapsed.set(elapsed);
                scheduleDrain();
            }

            @Override
            public void diagnostic(Diagnostic diagnostic) {
                pendingDiagnostics.add(diagnostic);
                scheduleDrain();
            }

            @Override
            public void finished(BuildResult outcome) {
                pendingResult.set(outcome);
                scheduleDrain();
            }
        };
    }

    private void scheduleDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            threads.ui().execute(this::drain);
        }
    }

    /**
     * On the UI thread: shows everything the build reported since the last drain, lines in the order they came.
     * The flag drops first, so whatever is queued after this point gets a drain of its own; the result is taken
     * before the lines, so every line the build wrote before finishing is shown no later than the result.
     */
    private void drain() {
        drainQueued.set(false);
        BuildResult outcome = pendingResult.getAndSet(null);
        Duration elapsed = pendingElapsed.getAndSet(null);
        List<LogLine> newLines = takeAll(pendingLines);
        List<Diagnostic> newDiagnostics = takeAll(pendingDiagnostics);
        if (!newLines.isEmpty()) {
            lines.addAll(newLines);
        }
        if (elapsed != null) {
            elapsedText.set(format(elapsed));
        }
        if (!newDiagnostics.isEmpty()) {
            diagnostics.addAll(newDiagnostics);
        }
        if (outcome != null) {
            result.set(outcome);
            running.set(false);
            elapsedText.set(format(outcome.elapsed()));
            status.set(outcome.message());
        }
    }

    private static <T> List<T> takeAll(Queue<T> queue) {
        List<T> taken = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            taken.add(item);
        }
        return taken;
    }

    /** Kills the build and everything it started. */
    public void cancel() {
        if (current != null && running.get()) {
            status.set("cancelling...");
            current.cancel();
        }
    }

    /** Refreshes the elapsed time while a build runs quietly (the view calls it from a timer). */
    public void tick() {
        if (current != null && running.get()) {
            elapsedText.set(format(current.elapsed()));
        }
    }

    /** Which colour a log line gets: error, warning, note, or none. */
    public static Severity classify(String line) {
        if (WARNING_LINE.matcher(line).find()) {
            return Severity.WARNING;
        }
        if (NOTE_LINE.matcher(line).find()) {
            return Severity.NOTE;
        }
        if (ERROR_LINE.matcher(line).find()) {
            return Severity.ERROR;
        }
        return null;
    }

    static String format(Duration elapsed) {
        return String.format("%.1f s", elapsed.toMillis() / 1000.0);
    }

    public ObservableList<LogLine> lines() {
        return readOnlyLines;
    }

    public ObservableList<Diagnostic> diagnostics() {
        return readOnlyDiagnostics;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BuildResult> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
