package dev.porthole.app.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The guest console: the lines a guest printed, what the filter shows, the search, and which
 * lines are in the viewport. Holds no controls; {@link ConsoleView} draws it.
 *
 * <h2>Threads</h2>
 * {@link #append} may be called from any thread, as fast as lines arrive (the launcher's serial
 * reader calls it). Lines go into a queue; a background worker ({@link ConsoleThreads}) decodes,
 * classifies, stores and indexes them, and hands counters to the FX thread in batches at most
 * ~30 times a second. Filtering and searching a million lines run on that worker too; the FX
 * thread only ever reads the few dozen lines in the viewport. Everything else (the properties,
 * scrolling, search navigation) belongs to the FX thread.
 *
 * <h2>Memory</h2>
 * At most {@code maxLines} lines and about {@code maxTextBytes} bytes of text are kept; beyond
 * that the oldest lines drop and {@link #droppedLinesProperty()} counts them.
 *
 * <h2>Scrolling</h2>
 * With {@link #followTailProperty() follow tail} on, the viewport shows the newest lines. Any
 * scroll that leaves the bottom turns it off and pins the viewport to the line at its top, so new
 * lines (and old lines dropping) do not move it; scrolling back to the bottom turns it on again.
 */
public final class ConsoleViewModel implements AutoCloseable {
    public static final int DEFAULT_MAX_LINES = 1_000_000;
    /** Room for a million lines of ~150 bytes; typical Unikraft lines are ~90. */
    public static final long DEFAULT_MAX_TEXT_BYTES = 160L * 1024 * 1024;
    /** Longer lines are cut: a guest that never prints a newline must not take all memory. */
    public static final int DEFAULT_MAX_LINE_CHARS = 16 * 1024;

    private static final int MAX_LINES_PER_BATCH = 8192;
    /**
     * Raw lines waiting for the worker beyond which a producer thread waits: a guest (or a replay)
     * that outruns the parser must not pile up unparsed lines without bound. The FX thread never waits.
     */
    static final int MAX_PENDING_LINES = 65_536;

    private final ConsoleThreads threads;
    private final ConsoleEngine engine;
    private final int maxLines;

    // Worker side: the inbox and its drain.
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingLines = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean uiUpdateScheduled = new AtomicBoolean();
    private final AtomicReference<Published> latest = new AtomicReference<>();
    private final AtomicReference<FilterRequest> wantedFilter = new AtomicReference<>(new FilterRequest(0, LineFilter.SHOW_ALL));
    private final AtomicReference<SearchRequest> wantedSearch = new AtomicReference<>(new SearchRequest(0, null));
    private final AtomicLong requestGenerations = new AtomicLong();
    private long lastPublishNanos = Long.MIN_VALUE / 2;
    private boolean changedSincePublish;
    private final List<CompletableFuture<Void>> barriersToPublish = new ArrayList<>();
    private volatile long runStartNanos = Long.MIN_VALUE;
    /** What the last UI update cost the FX thread (properties, listeners, drawing); read by the worker. */
    private volatile long lastUiCostNanos;

    // FX side.
    private final Map<LogLevel, BooleanProperty> levelShown = new EnumMap<>(LogLevel.class);
    private final Map<LogLevel, ReadOnlyLongWrapper> levelCounts = new EnumMap<>(LogLevel.class);
    private final ObservableList<String> libraries = FXCollections.observableArrayList();
    /**
     * One read-only view, kept: such a view listens to its list weakly, so a view made per call and dropped by its
     * caller was collected with the listeners added to it, and the library filter stopped hearing of new libraries
     * after the next garbage collection.
     */
    private final ObservableList<String> librariesReadOnly = FXCollections.unmodifiableObservableList(libraries);
    private final ObservableSet<String> hiddenLibraries = FXCollections.observableSet();
    private final StringProperty regexFilter = new SimpleStringProperty(this, "regexFilter", "");
    private final ReadOnlyStringWrapper regexError = new ReadOnlyStringWrapper(this, "regexError", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
    private final ReadOnlyBooleanWrapper matchesTruncated = new ReadOnlyBooleanWrapper(this, "matchesTruncated");
    private final ReadOnlyIntegerWrapper currentMatchNumber = new ReadOnlyIntegerWrapper(this, "currentMatchNumber");
    private final BooleanProperty followTail = new SimpleBooleanProperty(this, "followTail", true);
    private final ReadOnlyLongWrapper retainedLines = new ReadOnlyLongWrapper(this, "retainedLines");
    private final ReadOnlyLongWrapper shownLines = new ReadOnlyLongWrapper(this, "shownLines");
    private final ReadOnlyLongWrapper droppedLines = new ReadOnlyLongWrapper(this, "droppedLines");
    private final ReadOnlyLongWrapper retainedTextBytes = new ReadOnlyLongWrapper(this, "retainedTextBytes");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyLongWrapper topLine = new ReadOnlyLongWrapper(this, "topLine");
    private final ReadOnlyLongWrapper maxTopLine = new ReadOnlyLongWrapper(this, "maxTopLine");
    private final ReadOnlyObjectWrapper<ConsoleWindow> window = new ReadOnlyObjectWrapper<>(this, "window", ConsoleWindow.EMPTY);
    private int viewportRows = 40;
    private long anchorSeq;
    private long currentMatchSeq = -1;
    private int currentMatchFrom = -1;
    private Pattern appliedRegex;
    private long lastFilterRequest;
    private long lastSearchRequest;
    private long autoSelectedSearch;
    private boolean adjustingFollow;

    /** A console on the FX thread and its own worker, with the default limits. */
    public ConsoleViewModel() {
        this(DEFAULT_MAX_LINES, DEFAULT_MAX_TEXT_BYTES, ConsoleThreads.javaFx());
    }

    public ConsoleViewModel(int maxLines, long maxTextBytes, ConsoleThreads threads) {
        this.threads = threads;
        this.maxLines = maxLines;
        this.engine = new ConsoleEngine(maxLines, maxTextBytes, DEFAULT_MAX_LINE_CHARS);
        for (LogLevel level : LogLevel.values()) {
            BooleanProperty shown = new SimpleBooleanProperty(this, "show" + level.label(), true);
            shown.addListener((o, was, is) -> requestFilter());
            levelShown.put(level, shown);
            levelCounts.put(level, new ReadOnlyLongWrapper(this, level.label() + "Count"));
        }
        hiddenLibraries.addListener((SetChangeListener<String>) change -> requestFilter());
        regexFilter.addListener((o, was, is) -> regexChanged(is));
        searchText.addListener((o, was, is) -> searchChanged(is));
        followTail.addListener((o, was, is) -> followChanged(is));
    }

    // ================================================================ input (any thread)

    /**
     * Adds what the guest printed, stamped with the host's monotonic clock on arrival. The text may
     * still hold ANSI escape codes and carriage returns; a text with newlines counts as several lines.
     */
    public void append(long hostNanos, String line) {
        int start = 0;
        int newline;
        while ((newline = line.indexOf('\n', start)) >= 0) {
            enqueue(new RawLine(hostNanos, line.substring(start, newline)));
            start = newline + 1;
        }
        if (start == 0) {
            enqueue(new RawLine(hostNanos, line));
        } else if (start < line.length()) {
            enqueue(new RawLine(hostNanos, line.substring(start)));
        }
        scheduleDrain();
    }

    private void enqueue(RawLine raw) {
        if (pendingLines.incrementAndGet() > MAX_PENDING_LINES && threads.mayWaitForWorker()) {
            scheduleDrain();
            while (pendingLines.get() > MAX_PENDING_LINES && threads.mayWaitForWorker()) {
                LockSupport.parkNanos(200_000);
            }
        }
        inbox.add(raw);
    }

    /** The host time of the run's start; the timestamp column counts seconds from it. Any thread. */
    public void setRunStart(long hostNanos) {
        runStartNanos = hostNanos;
        threads.runOnUi(this::refresh);
    }

    /** Forgets every line (a new run). Lines appended before this call go too. Any thread. */
    public void clear() {
        inbox.add(Command.CLEAR);
        scheduleDrain();
    }

    /**
     * Completes on the UI thread once everything appended or requested before this call has been
     * processed and shown in the properties. For tests, and for "scroll to the line that just arrived".
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inbox.add(new Barrier(done));
        scheduleDrain();
        return done;
    }

    /** Stops the worker; the console takes no more lines. */
    @Override
    public void close() {
        threads.shutdown();
    }

    // ================================================================ worker

    private record RawLine(long hostNanos, String text) {
    }

    private enum Command { FILTER, SEARCH, CLEAR }

    private record Barrier(CompletableFuture<Void> done) {
    }

    private record FilterRequest(long generation, LineFilter filter) {
    }

    private record SearchRequest(long generation, Pattern pattern) {
    }

    /** What the worker hands to the FX thread in one piece. */
    private record Published(ConsoleStats stats, List<CompletableFuture<Void>> barriers) {
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            threads.runInBackground(this::drain);
        }
    }

    /** Runs on the worker until the inbox is empty; publishes to the UI at most every minUiInterval. */
    private void drain() {
        while (true) {
            int handled = 0;
            Object item;
            while ((item = inbox.poll()) != null) {
                handle(item);
                if (++handled % MAX_LINES_PER_BATCH == 0 && publishIsDue()) {
                    publish();
                }
            }
            long wait = lastPublishNanos + uiInterval() - System.nanoTime();
            if (changedSincePublish && wait > 0) {
                LockSupport.parkNanos(wait); // let more lines arrive and go out in the same UI update
                if (!inbox.isEmpty()) {
                    continue;
                }
            }
            if (changedSincePublish || !barriersToPublish.isEmpty()) {
                publish();
            }
            drainScheduled.set(false);
            if (inbox.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void handle(Object item) {
        if (item instanceof RawLine raw) {
            pendingLines.decrementAndGet();
            engine.append(raw.hostNanos(), raw.text());
            changedSincePublish = true;
        } else if (item == Command.FILTER) {
            FilterRequest request = wantedFilter.get();
            changedSincePublish |= engine.applyFilter(request.filter(), request.generation(), () -> wantedFilter.get() != request);
        } else if (item == Command.SEARCH) {
            SearchRequest request = wantedSearch.get();
            changedSincePublish |= engine.applySearch(request.pattern(), request.generation(), () -> wantedSearch.get() != request);
        } else if (item == Command.CLEAR) {
            engine.clear();
            changedSincePublish = true;
        } else if (item instanceof Barrier barrier) {
            barriersToPublish.add(barrier.done());
        }
    }

    private boolean publishIsDue() {
        return System.nanoTime() - lastPublishNanos >= uiInterval();
    }

    /**
     * The time to leave between two UI updates: the configured minimum, or three times what the
     * last update cost the FX thread if that is more, so that a slow machine (or a big viewport)
     * spends at most about a third of the FX thread on the console and stays responsive.
     */
    private long uiInterval() {
        long minimum = threads.minUiIntervalNanos();
        return minimum == 0 ? 0 : Math.max(minimum, 3 * lastUiCostNanos);
    }

    private void publish() {
        ConsoleStats stats = engine.readStats();
        List<CompletableFuture<Void>> barriers = new ArrayList<>(barriersToPublish);
        barriersToPublish.clear();
        while (true) {
            // The UI may not have taken the previous batch yet: this one replaces it, keeping its barriers.
            Published previous = latest.get();
            List<CompletableFuture<Void>> all = barriers;
            if (previous != null && !previous.barriers().isEmpty()) {
                all = new ArrayList<>(previous.barriers());
                all.addAll(barriers);
            }
            if (latest.compareAndSet(previous, new Published(stats, all))) {
                break;
            }
        }
        lastPublishNanos = System.nanoTime();
        changedSincePublish = false;
        if (uiUpdateScheduled.compareAndSet(false, true)) {
            threads.runOnUi(this::applyPublished);
        }
    }

    // ================================================================ FX thread

    private void applyPublished() {
        long started = System.nanoTime();
        try {
            applyLatest();
        } finally {
            lastUiCostNanos = System.nanoTime() - started;
        }
    }

    private void applyLatest() {
        uiUpdateScheduled.set(false);
        Published published = latest.getAndSet(null);
        if (published == null) {
            return;
        }
        ConsoleStats stats = published.stats();
        retainedLines.set(stats.retainedLines());
        shownLines.set(stats.shownLines());
        droppedLines.set(stats.droppedLines());
        retainedTextBytes.set(stats.retainedTextBytes());
        for (LogLevel level : LogLevel.values()) {
            levelCounts.get(level).set(stats.levelCounts()[level.ordinal()]);
        }
        updateLibraries(stats.libraries());
        matchCount.set(stats.matchCount());
        matchesTruncated.set(stats.matchesTruncated());
        filtering.set(stats.filterGeneration() < lastFilterRequest);
        refresh();
        if (stats.searchGeneration() == lastSearchRequest && autoSelectedSearch != lastSearchRequest) {
            autoSelectedSearch = lastSearchRequest;
            if (stats.matchCount() > 0 && currentMatchSeq < 0) {
                stepMatch(+1); // find as you type: jump to the first occurrence from the top of the viewport
            }
        }
        published.barriers().forEach(done -> done.complete(null));
    }

    private void updateLibraries(List<String> seen) {
        // Names are only ever added, at the end: keep that order (the boot order of the guest's
        // libraries), which also keeps index-based check models (CheckComboBox) valid.
        if (seen.size() > libraries.size()) {
            libraries.addAll(seen.subList(libraries.size(), seen.size()));
        }
    }

    private void requestFilter() {
        Set<LogLevel> levels = EnumSet.noneOf(LogLevel.class);
        levelShown.forEach((level, shown) -> {
            if (shown.get()) {
                levels.add(level);
            }
        });
        LineFilter filter = new LineFilter(levels, hiddenLibraries, appliedRegex);
        if (filter.sameAs(wantedFilter.get().filter())) {
            return;
        }
        lastFilterRequest = requestGenerations.incrementAndGet();
        wantedFilter.set(new FilterRequest(lastFilterRequest, filter));
        filtering.set(true);
        inbox.add(Command.FILTER);
        scheduleDrain();
    }

    private void regexChanged(String text) {
        try {
            appliedRegex = text == null || text.isEmpty() ? null : LineFilter.compileSmartCase(text, false);
            regexError.set("");
        } catch (PatternSyntaxException e) {
            // Keep filtering by the last good expression while the user is mid-typing.
            regexError.set("Not a regular expression: " + e.getDescription() + " at index " + e.getIndex()
                    + " of \"" + text + "\"; the filter still uses the previous one");
            return;
        }
        requestFilter();
    }

    private void searchChanged(String text) {
        Pattern pattern = text == null || text.isEmpty() ? null : LineFilter.compileSmartCase(text, true);
        lastSearchRequest = requestGenerations.incrementAndGet();
        wantedSearch.set(new SearchRequest(lastSearchRequest, pattern));
        currentMatchSeq = -1;
        currentMatchFrom = -1;
        inbox.add(Command.SEARCH);
        scheduleDrain();
    }

    private void followChanged(boolean following) {
        if (adjustingFollow) {
            return;
        }
        if (!following) {
            anchorSeq = engine.shownSeq(topLine.get()); // the user paused: stay exactly where we are
        }
        refresh();
    }

    /** Re-reads the viewport's lines; publishes a new window only if it would draw differently. */
    private void refresh() {
        ConsoleWindow next = engine.readWindow(followTail.get(), anchorSeq, viewportRows, currentMatchSeq, currentMatchFrom,
                runStartNanos);
        if (next.currentMatchOrdinal() < 0) {
            currentMatchSeq = -1;
            currentMatchFrom = -1;
        }
        topLine.set(next.top());
        maxTopLine.set(Math.max(0, next.shownLines() - viewportRows));
        currentMatchNumber.set(next.currentMatchOrdinal() + 1);
        if (!next.drawsSameAs(window.get())) {
            window.set(next);
        }
    }

    // ---------------------------------------------------------------- scrolling (FX thread)

    /** Tells how many whole rows the viewport shows; the window then holds that many lines (+1 partial). */
    public void setViewportRows(int rows) {
        int clamped = Math.max(1, rows);
        if (clamped != viewportRows) {
            viewportRows = clamped;
            refresh();
        }
    }

    public int getViewportRows() {
        return viewportRows;
    }

    /** Scrolls by whole rows (negative: up, toward older lines). */
    public void scrollBy(long rows) {
        scrollTo(topLine.get() + rows);
    }

    /**
     * Puts the shown line at {@code position} at the top of the viewport. At or past the last page
     * this turns follow-tail on; anywhere above it turns it off and pins the viewport to that line.
     */
    public void scrollTo(long position) {
        long maxTop = Math.max(0, engine.shownCount() - viewportRows);
        long top = Math.max(0, Math.min(position, maxTop));
        adjustingFollow = true;
        try {
            if (top >= maxTop) {
                followTail.set(true);
            } else {
                followTail.set(false);
                anchorSeq = engine.shownSeq(top);
            }
        } finally {
            adjustingFollow = false;
        }
        refresh();
    }

    public void scrollToEnd() {
        scrollTo(Long.MAX_VALUE);
    }

    public void scrollToStart() {
        scrollTo(0);
    }

    // ---------------------------------------------------------------- search navigation (FX thread)

    /** Selects the next occurrence of the search text (wrapping) and scrolls it into view. */
    public void nextMatch() {
        stepMatch(+1);
    }

    /** Selects the previous occurrence of the search text (wrapping) and scrolls it into view. */
    public void previousMatch() {
        stepMatch(-1);
    }

    private void stepMatch(int direction) {
        long fromSeq = engine.shownSeq(topLine.get());
        ConsoleEngine.MatchLocation match = engine.stepMatch(currentMatchSeq, currentMatchFrom, fromSeq, direction);
        if (match == null) {
            return;
        }
        currentMatchSeq = match.seq();
        currentMatchFrom = match.from();
        long top = topLine.get();
        if (match.shownPosition() < top || match.shownPosition() >= top + viewportRows) {
            scrollTo(match.shownPosition() - viewportRows / 2);
        } else {
            refresh();
        }
    }

    // ---------------------------------------------------------------- properties

    /** Whether lines of {@code level} are shown (all are, at first). */
    public BooleanProperty levelShownProperty(LogLevel level) {
        return levelShown.get(level);
    }

    /** How many kept lines have {@code level}. */
    public ReadOnlyLongProperty levelCountProperty(LogLevel level) {
        return levelCounts.get(level).getReadOnlyProperty();
    }

    /** Every library seen, in order of first appearance; "" (lines that name none) first. */
    public ObservableList<String> getLibraries() {
        return librariesReadOnly;
    }

    /** Libraries whose lines are hidden; edit it to filter. */
    public ObservableSet<String> getHiddenLibraries() {
        return hiddenLibraries;
    }

    /** A regular expression each shown line must contain a match of; "" shows all. Smart case. */
    public StringProperty regexFilterProperty() {
        return regexFilter;
    }

    /** Why the regex filter text is not a regular expression; "" when it is. */
    public ReadOnlyStringProperty regexErrorProperty() {
        return regexError.getReadOnlyProperty();
    }

    /** Literal text to find in the shown lines; "" for no search. Smart case. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** True when there are more occurrences than the {@value ConsoleEngine#MAX_MATCHES} collected. */
    public ReadOnlyBooleanProperty matchesTruncatedProperty() {
        return matchesTruncated.getReadOnlyProperty();
    }

    /** 1-based number of the selected occurrence; 0 when none is selected. */
    public ReadOnlyIntegerProperty currentMatchNumberProperty() {
        return currentMatchNumber.getReadOnlyProperty();
    }

    /** On: the viewport shows the newest lines as they come. */
    public BooleanProperty followTailProperty() {
        return followTail;
    }

    public ReadOnlyLongProperty retainedLinesProperty() {
        return retainedLines.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty shownLinesProperty() {
        return shownLines.getReadOnlyProperty();
    }

    /** Lines dropped (oldest first) since the last clear because the console was full. */
    public ReadOnlyLongProperty droppedLinesProperty() {
        return droppedLines.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty retainedTextBytesProperty() {
        return retainedTextBytes.getReadOnlyProperty();
    }

    /** True while a new filter is being applied in the background. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** Position of the viewport's first row among the shown lines. */
    public ReadOnlyLongProperty topLineProperty() {
        return topLine.getReadOnlyProperty();
    }

    /** The largest top position: the last page. */
    public ReadOnlyLongProperty maxTopLineProperty() {
        return maxTopLine.getReadOnlyProperty();
    }

    /** The lines to draw now. */
    public ReadOnlyObjectProperty<ConsoleWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public int getMaxLines() {
        return maxLines;
    }
}
