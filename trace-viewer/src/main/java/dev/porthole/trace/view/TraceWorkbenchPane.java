package dev.porthole.trace.view;

import dev.porthole.icons.SplitPanes;
import dev.porthole.icons.UnfoldingPane;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.HostTimings;
import dev.porthole.launcher.SerialLine;
import dev.porthole.trace.analysis.PhaseStats;
import dev.porthole.trace.analysis.PhaseTable;
import dev.porthole.trace.analysis.TraceDiff;
import dev.porthole.trace.model.Trace;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * What the app embeds for traces: the timeline (with the selected event's details) beside the phase table, or,
 * for two runs, both timelines stacked on one linked time axis beside their diff table.
 *
 * <p>Live runs: {@link #followLive(HostTimings)} then {@link #appendLiveLine} from any thread (or just
 * {@link #followLive(Guest)}). Lines are queued; at a pulse, when lines arrived (or a host phase is still growing),
 * one background rebuild runs at a time on the injected executor, and its trace and phase table are swapped in
 * at the next pulse. The FX thread never parses, and draws at most once per pulse, so a fast stream does not
 * stutter the window. While following, the range keeps extending to the whole trace; zooming or panning stops
 * following (the Follow button turns it back on).
 */
public final class TraceWorkbenchPane extends BorderPane {
    public static final String STYLE_CLASS = "ph-trace-workbench";
    /** Rebuild at least this often while a host phase is still open, so "guest.running" grows with time. */
    static final long RUNNING_REFRESH_NANOS = 250_000_000L;

    private final Executor background;
    private final TimelineView timeline = new TimelineView();
    private final PhaseTableView phases = new PhaseTableView();
    /** Holds the phase table in the split, and unfolds it when it first comes on screen. */
    private final UnfoldingPane phasesHolder = new UnfoldingPane();
    private final SplitPane single;
    private TimelineView timelineB;
    private TraceDiffView diff;
    private SplitPane diffRuns;
    private SplitPane diffWhole;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.SINGLE);

    // live following
    private volatile LiveTrace live;
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean wakePosted = new AtomicBoolean();
    private final AtomicReference<Built> built = new AtomicReference<>();
    private long lastBuildNanos;
    private Guest followedGuest;
    private Consumer<SerialLine> guestListener;

    /** What the pane shows. */
    public enum Mode { SINGLE, DIFF }

    private record Built(LiveTrace source, Trace trace, List<PhaseStats> phases) {
    }

    /** Live rebuilds on one daemon thread of its own. */
    public TraceWorkbenchPane() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "porthole-trace-live");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param background where live rebuilds run (never the FX thread: they parse the whole stream so far) */
    public TraceWorkbenchPane(Executor background) {
        this.background = Objects.requireNonNull(background, "background");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(TimelineView.STYLESHEET);
        phases.setOnPhaseSelected(name -> timeline.getModel().searchPhase(name));
        phasesHolder.show(phases, false);
        single = new SplitPane(timeline, phasesHolder);
        single.setOrientation(Orientation.HORIZONTAL);
        single.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(phasesHolder, false);
        setCenter(single);
        timeline.setPulseHook(this::onPulse);
        // The timeline and its tool row first, then the phase table unfolding a quarter of its rows a frame: styled
        // together for the first time, with the table's dozen rows of seven cells, they held the FX thread for 80-100
        // ms when the Trace tab was first chosen (ScreenshotTour); the table alone, a frame later, still 80-120 ms.
        SplitPanes.joinAFrameLater(single, phasesHolder, phasesHolder::unfold);
    }

    public TimelineView getTimeline() {
        return timeline;
    }

    public PhaseTableView getPhaseTable() {
        return phases;
    }

    /** The second run's timeline in diff mode, else null. */
    public TimelineView getTimelineB() {
        return timelineB;
    }

    /** The diff table in diff mode, else null. */
    public TraceDiffView getDiffView() {
        return diff;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The built-in palette (dark or light) for when the scene does not define the theme's colours. */
    public BooleanProperty darkProperty() {
        return timeline.darkProperty();
    }

    /** Shows one trace: its timeline and phase table. Stops following a live run. */
    public void show(Trace trace) {
        show(trace, PhaseTable.of(trace));
    }

    /**
     * As {@link #show(Trace)}, with the phase table already made: it is a pass over every event, so a caller that
     * loads the trace in the background makes it there too.
     */
    public void show(Trace trace, List<PhaseStats> phaseTable) {
        stopFollowing();
        showSingle();
        timeline.getModel().setMinExtent(0);
        timeline.setTrace(trace);
        phases.setPhases(phaseTable);
    }

    private void showSingle() {
        if (diffRuns != null) {
            diffRuns.getItems().remove(timeline);
        }
        if (!single.getItems().contains(timeline)) {
            single.getItems().add(0, timeline);
            single.setDividerPositions(0.64);
        }
        if (mode.get() != Mode.SINGLE) {
            setCenter(single);
            mode.set(Mode.SINGLE);
        }
    }

    /** Shows two runs: A above B on one linked time axis (each from its own start), and their diff table. */
    public void showDiff(Trace a, Trace b) {
        showDiff(a, b, a.report().source(), b.report().source());
    }

    public void showDiff(Trace a, Trace b, String labelA, String labelB) {
        showDiff(a, b, TraceDiff.of(a, b), labelA, labelB);
    }

    /** As {@link #showDiff(Trace, Trace, String, String)}, with the diff already made (in the background). */
    public void showDiff(Trace a, Trace b, List<TraceDiff.Row> rows, String labelA, String labelB) {
        stopFollowing();
        if (timelineB == null) {
            timelineB = new TimelineView();
            timelineB.darkProperty().bind(timeline.darkProperty());
            diff = new TraceDiffView();
            diff.setOnPhaseSelected(name -> {
                timeline.getModel().searchPhase(name);
                timelineB.getModel().searchPhase(name);
            });
            linkRanges(timeline.getModel(), timelineB.getModel());
            diffRuns = new SplitPane();
            diffRuns.setOrientation(Orientation.VERTICAL);
            diffWhole = new SplitPane(diffRuns, diff);
            SplitPane.setResizableWithParent(diff, false);
        }
        single.getItems().remove(timeline);
        diffRuns.getItems().setAll(timeline, timelineB);
        diffWhole.setDividerPositions(0.58);
        setCenter(diffWhole);
        mode.set(Mode.DIFF);
        long longer = Math.max(a.durationTime(), b.durationTime());
        long extent = longer + 2 * Math.max(TimelineViewModel.MIN_SPAN_NS, (long) (longer * TimelineViewModel.EDGE_MARGIN));
        timeline.getModel().setMinExtent(extent);
        timelineB.getModel().setMinExtent(extent);
        timeline.setTrace(a);
        timelineB.setTrace(b);
        // both from their own start, over the longer run
        TimelineViewModel ma = timeline.getModel();
        long marginA = Math.max(TimelineViewModel.MIN_SPAN_NS, (long) (longer * TimelineViewModel.EDGE_MARGIN));
        ma.setRange(a.startTime() - marginA, a.startTime() - marginA + extent);
        diff.setRows(rows, labelA.isEmpty() ? "run A" : labelA, labelB.isEmpty() ? "run B" : labelB, b.durationTime() - a.durationTime());
    }

    /** Keeps two timelines on the same span, each measured from its own trace's start. */
    private static void linkRanges(TimelineViewModel a, TimelineViewModel b) {
        boolean[] syncing = {false};
        Runnable aToB = () -> copyRange(a, b, syncing);
        Runnable bToA = () -> copyRange(b, a, syncing);
        // change listeners, not invalidation listeners: a skipped copy must not leave the property unvalidated
        a.viewStartProperty().addListener((o, was, now) -> aToB.run());
        a.viewEndProperty().addListener((o, was, now) -> aToB.run());
        b.viewStartProperty().addListener((o, was, now) -> bToA.run());
        b.viewEndProperty().addListener((o, was, now) -> bToA.run());
    }

    private static void copyRange(TimelineViewModel from, TimelineViewModel to, boolean[] syncing) {
        if (syncing[0] || from.getTrace() == null || to.getTrace() == null) {
            return;
        }
        syncing[0] = true;
        try {
            long shift = to.getTrace().startTime() - from.getTrace().startTime();
            to.setRange(from.getViewStart() + shift, from.getViewEnd() + shift);
        } finally {
            syncing[0] = false;
        }
    }

    // ---- live ----

    /** Starts a live view of a run whose host stamps are {@code timings} (null: guest lane only). */
    public void followLive(HostTimings timings) {
        stopFollowing();
        showSingle();
        live = new LiveTrace(timings);
        built.set(null);
        lastBuildNanos = 0;
        timeline.setTrace(null);
        phases.setPhases(List.of());
        timeline.getModel().setFollowing(true);
        timeline.keepAnimating();
    }

    /** A live view without host stamps. */
    public void followLive() {
        followLive((HostTimings) null);
    }

    /** Follows {@code guest}: its trace channel (lines already received first) and its host timings. */
    public void followLive(Guest guest) {
        followLive(guest.timings());
        Consumer<SerialLine> listener = line -> appendLiveLine(line.text(), line.hostNanos());
        followedGuest = guest;
        guestListener = listener;
        guest.trace().addListener(listener);
    }

    /** Whether a live run is being received. */
    public boolean isLive() {
        return live != null;
    }

    /**
     * One line of the Porthole trace stream, received at {@code hostNanos} ({@link System#nanoTime}). Any thread;
     * ignored when not following.
     */
    public void appendLiveLine(String line, long hostNanos) {
        LiveTrace current = live;
        if (current != null) {
            current.append(line, hostNanos);
            // one wake-up per quiet spell, not one runLater per line: a trace storm must not flood the FX queue
            if (wakePosted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    wakePosted.set(false);
                    timeline.keepAnimating();
                });
            }
        }
    }

    /** Stops receiving; what was received stays on screen. */
    public void stopFollowing() {
        if (followedGuest != null) {
            followedGuest.trace().removeListener(guestListener);
            followedGuest = null;
            guestListener = null;
        }
        LiveTrace was = live;
        live = null;
        if (was != null) {
            timeline.getModel().followingProperty().set(false);
        }
    }

    /** Every pulse while the timeline animates: swap in a finished rebuild, start the next one if due. */
    private void onPulse() {
        Built done = built.getAndSet(null);
        LiveTrace current = live;
        if (done != null && done.source() == current) {
            timeline.getModel().updateTrace(done.trace());
            phases.setPhases(done.phases());
        }
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        boolean due = current.hasNewLines() || current.stampsChangedSinceLastBuild()
                || (current.stillRunning() && now - lastBuildNanos > RUNNING_REFRESH_NANOS);
        if (due && building.compareAndSet(false, true)) {
            lastBuildNanos = now;
            background.execute(() -> {
                try {
                    Trace trace = current.build();
                    built.set(new Built(current, trace, PhaseTable.of(trace)));
                } finally {
                    building.set(false);
                    Platform.runLater(timeline::keepAnimating);
                }
            });
        }
        if (current.stillRunning() || current.hasNewLines() || current.stampsChangedSinceLastBuild() || building.get()) {
            timeline.keepAnimating();
        }
    }
}
