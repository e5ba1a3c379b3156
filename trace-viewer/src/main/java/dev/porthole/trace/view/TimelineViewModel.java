package dev.porthole.trace.view;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The state of one timeline, without any control: which trace, which time range is visible, what is selected
 * and hovered, what the search found, which groups are collapsed, how far the lanes are scrolled, and whether
 * the view follows a live run. Every operation a key, a button or the mouse triggers is a method here, so tests
 * drive it without a robot. FX-thread only, like the properties it holds.
 *
 * <p>Times are nanoseconds on the trace's axis. The visible range never gets narrower than {@link #MIN_SPAN_NS}
 * nor wider than the whole trace plus a margin.
 */
public final class TimelineViewModel {
    public static final long MIN_SPAN_NS = 50;
    /** Margin around the trace when it is shown whole, as a fraction of its duration. */
    static final double EDGE_MARGIN = 0.02;
    /** W/S zoom step and A/D pan step (a fraction of the visible span). */
    static final double ZOOM_STEP = 0.8;
    static final double PAN_STEP = 0.15;
    /** An event zoomed to fills this share of the view; the rest is context on both sides. */
    static final double EVENT_FILL = 0.8;

    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>(this, "trace");
    private final ReadOnlyLongWrapper viewStart = new ReadOnlyLongWrapper(this, "viewStart");
    private final ReadOnlyLongWrapper viewEnd = new ReadOnlyLongWrapper(this, "viewEnd", 1);
    private final IntegerProperty selectedEvent = new SimpleIntegerProperty(this, "selectedEvent", -1);
    private final IntegerProperty hoveredEvent = new SimpleIntegerProperty(this, "hoveredEvent", -1);
    private final ReadOnlyObjectWrapper<SearchMatches> matches = new ReadOnlyObjectWrapper<>(this, "matches", SearchMatches.NONE);
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);
    private final ObservableSet<String> collapsedGroups = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<LaneLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout", LaneLayout.empty());
    private final DoubleProperty scrollY = new SimpleDoubleProperty(this, "scrollY");
    private final DoubleProperty viewportHeight = new SimpleDoubleProperty(this, "viewportHeight", Double.MAX_VALUE);
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following");
    private long minExtentNs;

    public TimelineViewModel() {
        collapsedGroups.addListener((javafx.collections.SetChangeListener<String>) c -> relayout());
        viewportHeight.addListener((o, was, now) -> setScrollY(scrollY.get()));
    }

    // ---- the trace ----

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace;
    }

    public Trace getTrace() {
        return trace.get();
    }

    /** Shows {@code t} whole, with nothing selected; the search text stays and is run on the new trace. */
    public void setTrace(Trace t) {
        selectedEvent.set(-1);
        hoveredEvent.set(-1);
        collapsedGroups.retainAll(t == null ? Set.of() : t.tracks().stream().map(LaneLayout::groupKey).toList());
        trace.set(t);
        relayout();
        rerunSearch();
        showAll();
    }

    /**
     * Replaces the trace with a newer version of the same run (live following): the selection follows its event
     * (same track, start and name), the range is kept, or extended to the whole trace while {@link #followingProperty
     * following}.
     */
    public void updateTrace(Trace newer) {
        Trace older = trace.get();
        int selected = selectedEvent.get();
        long selStart = 0;
        int selName = -1;
        String selTrack = null;
        if (older != null && selected >= 0) {
            selStart = older.start(selected);
            selName = older.nameId(selected);
            selTrack = older.track(older.trackOf(selected)).label();
        }
        hoveredEvent.set(-1);
        selectedEvent.set(-1);
        trace.set(newer);
        relayout();
        rerunSearch();
        if (selTrack != null && newer != null) {
            selectedEvent.set(find(newer, selTrack, selStart, older.strings().get(selName)));
        }
        if (following.get() || older == null) {
            showAll();
        } else {
            setRange(viewStart.get(), viewEnd.get());
        }
    }

    private static int find(Trace t, String trackLabel, long start, String name) {
        for (Track track : t.tracks()) {
            if (track.label().equals(trackLabel)) {
                int lo = track.firstEvent();
                int hi = track.endEvent();
                while (lo < hi) { // events of a track are in start order
                    int mid = (lo + hi) >>> 1;
                    if (t.start(mid) < start) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                for (int e = lo; e < track.endEvent() && t.start(e) == start; e++) {
                    if (t.name(e).equals(name)) {
                        return e;
                    }
                }
            }
        }
        return -1;
    }

    // ---- the visible range ----

    public ReadOnlyLongProperty viewStartProperty() {
        return viewStart.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty viewEndProperty() {
        return viewEnd.getReadOnlyProperty();
    }

    public long getViewStart() {
        return viewStart.get();
    }

    public long getViewEnd() {
        return viewEnd.get();
    }

    public long getViewSpan() {
        return viewEnd.get() - viewStart.get();
    }

    /** Shows {@code [from, to)}, clamped to what the trace allows. */
    public void setRange(long from, long to) {
        Trace t = trace.get();
        long lo;
        long hi;
        if (t == null || t.eventCount() == 0) {
            lo = 0;
            hi = 1_000_000;
        } else {
            long margin = Math.max(MIN_SPAN_NS, (long) (t.durationTime() * EDGE_MARGIN));
            lo = t.startTime() - margin;
            hi = Math.max(t.endTime() + margin, lo + minExtentNs);
        }
        long span = Math.max(MIN_SPAN_NS, Math.min(to - from, hi - lo));
        long start = from;
        if (to - from < MIN_SPAN_NS) {
            start = from + (to - from) / 2 - span / 2; // widen around the centre
        }
        start = Math.max(lo, Math.min(start, hi - span));
        viewStart.set(start);
        viewEnd.set(start + span);
    }

    /**
     * Lets the range reach at least {@code extentNs} past the trace's start (with its margin), even when the trace
     * is shorter: two runs compared on one axis both scroll over the longer one's length.
     */
    public void setMinExtent(long extentNs) {
        this.minExtentNs = Math.max(0, extentNs);
    }

    /** The whole trace, with a small margin on both sides. */
    public void showAll() {
        Trace t = trace.get();
        if (t == null || t.eventCount() == 0) {
            setRange(0, 1_000_000);
            return;
        }
        long margin = Math.max(MIN_SPAN_NS, (long) (t.durationTime() * EDGE_MARGIN));
        setRange(t.startTime() - margin, t.endTime() + margin);
    }

    /** Scales the visible span by {@code factor} (below 1 zooms in), keeping {@code anchorNs} where it is on screen. */
    public void zoom(double factor, long anchorNs) {
        long from = viewStart.get();
        long to = viewEnd.get();
        double f = Math.max(1e-6, factor);
        long newFrom = anchorNs - Math.round((anchorNs - from) * f);
        long newTo = anchorNs + Math.round((to - anchorNs) * f);
        if (newTo - newFrom < MIN_SPAN_NS) {
            double share = (anchorNs - from) / (double) Math.max(1, to - from);
            newFrom = anchorNs - Math.round(MIN_SPAN_NS * share);
            newTo = newFrom + MIN_SPAN_NS;
        }
        following.set(false);
        setRange(newFrom, newTo);
    }

    /** W: one step in around {@code anchorNs}. */
    public void zoomIn(long anchorNs) {
        zoom(ZOOM_STEP, anchorNs);
    }

    /** S: one step out around {@code anchorNs}. */
    public void zoomOut(long anchorNs) {
        zoom(1 / ZOOM_STEP, anchorNs);
    }

    public long centre() {
        return viewStart.get() + getViewSpan() / 2;
    }

    /** Moves the range by {@code deltaNs} (positive: later). */
    public void panBy(long deltaNs) {
        following.set(false);
        setRange(viewStart.get() + deltaNs, viewEnd.get() + deltaNs);
    }

    /** A: a step towards earlier times. */
    public void panLeft() {
        panBy(-Math.max(1, (long) (getViewSpan() * PAN_STEP)));
    }

    /** D: a step towards later times. */
    public void panRight() {
        panBy(Math.max(1, (long) (getViewSpan() * PAN_STEP)));
    }

    /** F / Z: the selected event fills most of the view; with nothing selected, the whole trace. */
    public void zoomToSelection() {
        int e = selectedEvent.get();
        if (e < 0 || trace.get() == null) {
            showAll();
            return;
        }
        zoomToEvent(e);
    }

    /** Zooms so that event {@code e} fills most of the view (an instant: a short window around it). */
    public void zoomToEvent(int e) {
        Trace t = trace.get();
        long dur = t.duration(e);
        long span = dur > 0 ? Math.max(MIN_SPAN_NS, (long) (dur / EVENT_FILL)) : Math.max(MIN_SPAN_NS * 20, getViewSpan() / 20);
        long mid = t.start(e) + dur / 2;
        following.set(false);
        setRange(mid - span / 2, mid - span / 2 + span);
    }

    /** Pans (never zooms) so that event {@code e} is on screen; zooms out only when it is wider than the view. */
    public void reveal(int e) {
        Trace t = trace.get();
        long s = t.start(e);
        long end = t.end(e);
        long span = getViewSpan();
        if (s >= viewStart.get() && end <= viewEnd.get()) {
            return;
        }
        following.set(false);
        if (end - s > span) {
            zoomToEvent(e);
        } else {
            long mid = s + (end - s) / 2;
            setRange(mid - span / 2, mid - span / 2 + span);
        }
    }

    // ---- selection and hover ----

    public IntegerProperty selectedEventProperty() {
        return selectedEvent;
    }

    public int getSelectedEvent() {
        return selectedEvent.get();
    }

    public void select(int e) {
        selectedEvent.set(e);
    }

    public IntegerProperty hoveredEventProperty() {
        return hoveredEvent;
    }

    public int getHoveredEvent() {
        return hoveredEvent.get();
    }

    // ---- search ----

    public ReadOnlyObjectProperty<SearchMatches> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public SearchMatches getMatches() {
        return matches.get();
    }

    /** Index of the selected match in start order, -1 before next/previous. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    public int getCurrentMatch() {
        return currentMatch.get();
    }

    /** Highlights every event whose name contains {@code query}; nothing is selected until next/previous. */
    public void search(String query) {
        matches.set(SearchMatches.find(trace.get(), query, false));
        currentMatch.set(-1);
    }

    /** Highlights the events named exactly {@code name} and selects the first (a phase picked in the table). */
    public void searchPhase(String name) {
        matches.set(SearchMatches.find(trace.get(), name, true));
        currentMatch.set(-1);
        nextMatch();
    }

    private void rerunSearch() {
        SearchMatches m = matches.get();
        matches.set(m.active() ? SearchMatches.find(trace.get(), m.query(), m.exact()) : SearchMatches.NONE);
        currentMatch.set(-1);
    }

    /** Enter: selects the next match (wrapping) and brings it on screen. */
    public void nextMatch() {
        stepMatch(+1);
    }

    /** Shift+Enter: the previous match. */
    public void previousMatch() {
        stepMatch(-1);
    }

    private void stepMatch(int direction) {
        SearchMatches m = matches.get();
        if (m.count() == 0) {
            return;
        }
        int i = currentMatch.get();
        if (i < 0) {
            i = direction > 0 ? firstMatchAtOrAfter(m, viewStart.get()) : lastMatchBefore(m, viewEnd.get());
        } else {
            i = Math.floorMod(i + direction, m.count());
        }
        currentMatch.set(i);
        int e = m.event(i);
        selectedEvent.set(e);
        reveal(e);
    }

    private int firstMatchAtOrAfter(SearchMatches m, long time) {
        Trace t = trace.get();
        for (int i = 0; i < m.count(); i++) {
            if (t.start(m.event(i)) >= time) {
                return i;
            }
        }
        return 0;
    }

    private int lastMatchBefore(SearchMatches m, long time) {
        Trace t = trace.get();
        for (int i = m.count() - 1; i >= 0; i--) {
            if (t.start(m.event(i)) < time) {
                return i;
            }
        }
        return m.count() - 1;
    }

    /** Esc: no search, no selection. */
    public void clear() {
        matches.set(SearchMatches.NONE);
        currentMatch.set(-1);
        selectedEvent.set(-1);
    }

    // ---- lanes ----

    public ObservableSet<String> getCollapsedGroups() {
        return collapsedGroups;
    }

    public void toggleGroup(String groupKey) {
        if (!collapsedGroups.remove(groupKey)) {
            collapsedGroups.add(groupKey);
        }
    }

    public ReadOnlyObjectProperty<LaneLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public LaneLayout getLayout() {
        return layout.get();
    }

    private void relayout() {
        layout.set(LaneLayout.of(trace.get(), Set.copyOf(collapsedGroups)));
        setScrollY(scrollY.get());
    }

    public DoubleProperty scrollYProperty() {
        return scrollY;
    }

    public double getScrollY() {
        return scrollY.get();
    }

    /** Scrolls the lanes to {@code y} content pixels from the top, kept within the content. */
    public void setScrollY(double y) {
        double max = Math.max(0, layout.get().height() - viewportHeight.get());
        scrollY.set(Math.max(0, Math.min(max, y)));
    }

    /** The height the lanes have on screen; the view sets it so scrolling stops at the last lane. */
    public DoubleProperty viewportHeightProperty() {
        return viewportHeight;
    }

    // ---- live ----

    /** Whether the range keeps extending to the whole trace as a live run grows; zooming or panning ends it. */
    public BooleanProperty followingProperty() {
        return following;
    }

    public boolean isFollowing() {
        return following.get();
    }

    public void setFollowing(boolean follow) {
        following.set(follow);
        if (follow) {
            showAll();
        }
    }
}
