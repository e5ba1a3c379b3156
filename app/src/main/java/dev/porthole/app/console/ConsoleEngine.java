package dev.porthole.app.console;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's data: decodes and classifies raw lines, keeps them in a bounded {@link ConsoleLineStore},
 * and keeps the index of lines the filter shows and the search occurrences among them.
 *
 * <p>Threads: exactly one thread, the console's worker, calls the mutating methods
 * ({@link #append}, {@link #applyFilter}, {@link #applySearch}, {@link #clear}); it changes shared state
 * only under {@link #lock}, and reads its own state without it. Any other thread (the FX thread) only
 * calls the {@code read...}/query methods, which take the lock for a few microseconds.
 * A refilter of a million lines therefore runs on the worker while the FX thread keeps drawing the old
 * index, and the new index is swapped in at the end.
 */
final class ConsoleEngine {
    /** Occurrences beyond this are not collected (the count then shows "10000+"). */
    static final int MAX_MATCHES = 100_000;
    private static final int MAX_LIBRARIES = Short.MAX_VALUE;
    private static final int CANCEL_CHECK_INTERVAL = 4096;

    private final Object lock = new Object();
    private final ConsoleLineStore store;
    private final AnsiDecoder decoder;
    private final LineFormat.Classifier classifier = new LineFormat.Classifier();

    // Library names: id -> name; id 0 is "no library". Written by the worker under the lock.
    private final List<String> libraryNames = new ArrayList<>(List.of(LineFormat.NO_LIBRARY));
    private final Map<String, Integer> libraryIds = new HashMap<>(Map.of(LineFormat.NO_LIBRARY, 0));
    private List<String> librarySnapshot = List.of(LineFormat.NO_LIBRARY);

    private LineFilter filter = LineFilter.SHOW_ALL;
    private long levelMask = levelMask(LineFilter.SHOW_ALL);
    private BitSet hiddenLibraryIds = new BitSet();
    private SeqList shown = new SeqList();
    private long filterGeneration;

    private Pattern search;
    private SearchMatches matches = new SearchMatches(MAX_MATCHES);
    private long searchGeneration;

    private long firstHostNanos = Long.MIN_VALUE;
    /** The oldest line the indexes may refer to; behind the store's when it has just dropped lines. */
    private long indexedFromSeq;

    ConsoleEngine(int maxLines, long maxTextBytes, int maxLineChars) {
        store = new ConsoleLineStore(maxLines, maxTextBytes);
        decoder = new AnsiDecoder(maxLineChars);
    }

    // ---------------------------------------------------------------- worker thread

    /** Decodes, classifies, stores and indexes one raw line (no newline inside). */
    void append(long hostNanos, String raw) {
        AnsiDecoder.Decoded decoded = decoder.decode(raw);
        String text = decoded.text();
        LineFormat.Classification kind = classifier.classify(text);
        int library = libraryId(kind.library());
        boolean show = shows(kind.level(), library, text);
        synchronized (lock) {
            long seq = store.add(hostNanos, text, decoded.styleRuns(), kind.level(), library);
            if (firstHostNanos == Long.MIN_VALUE) {
                firstHostNanos = hostNanos;
            }
            if (show) {
                shown.add(seq);
                if (search != null) {
                    collectMatches(search, seq, text, matches);
                }
            }
            if (store.firstSeq() != indexedFromSeq) { // the store dropped old lines to make room
                indexedFromSeq = store.firstSeq();
                shown.removeBelow(indexedFromSeq);
                matches.removeBelow(indexedFromSeq);
            }
        }
        if (store.hasFullChunksToPack()) {
            store.packFullChunks(lock);
        }
    }

    private boolean shows(LogLevel level, int library, String text) {
        return (levelMask & level.bit()) != 0 && !hiddenLibraryIds.get(library)
                && (filter.regex() == null || filter.regex().matcher(text).find());
    }

    private int libraryId(String name) {
        Integer id = libraryIds.get(name);
        if (id != null) {
            return id;
        }
        if (libraryNames.size() >= MAX_LIBRARIES) {
            return 0; // a guest inventing thousands of tags: keep the rest under "no library"
        }
        synchronized (lock) {
            int newId = libraryNames.size();
            libraryNames.add(name);
            libraryIds.put(name, newId);
            librarySnapshot = List.copyOf(libraryNames);
            if (filter.hiddenLibraries().contains(name)) {
                hiddenLibraryIds.set(newId);
            }
            return newId;
        }
    }

    /**
     * Rebuilds the shown-lines index for {@code newFilter} and swaps it in, then re-runs the search.
     * Returns false, leaving everything as it was, if {@code cancelled} turned true on the way
     * (a newer filter is waiting).
     */
    boolean applyFilter(LineFilter newFilter, long generation, BooleanSupplier cancelled) {
        long mask = levelMask(newFilter);
        BitSet hidden = new BitSet();
        for (int id = 0; id < libraryNames.size(); id++) {
            if (newFilter.hiddenLibraries().contains(libraryNames.get(id))) {
                hidden.set(id);
            }
        }
        Pattern regex = newFilter.regex();
        SeqList result = new SeqList((int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, store.size())));
        for (long seq = store.firstSeq(); seq < store.nextSeq(); seq++) {
            if ((seq % CANCEL_CHECK_INTERVAL) == 0 && cancelled.getAsBoolean()) {
                return false;
            }
            if ((mask & store.level(seq).bit()) != 0 && !hidden.get(store.library(seq))
                    && (regex == null || regex.matcher(store.text(seq)).find())) {
                result.add(seq);
            }
        }
        SearchMatches newMatches = search == null ? new SearchMatches(MAX_MATCHES) : findAll(search, result, cancelled);
        if (newMatches == null) {
            return false;
        }
        synchronized (lock) {
            filter = newFilter;
            levelMask = mask;
            hiddenLibraryIds = hidden;
            shown = result;
            matches = newMatches;
            filterGeneration = generation;
        }
        return true;
    }

    /** Finds {@code pattern} (null: no search) in the shown lines; false if cancelled on the way. */
    boolean applySearch(Pattern pattern, long generation, BooleanSupplier cancelled) {
        SearchMatches found = pattern == null ? new SearchMatches(MAX_MATCHES) : findAll(pattern, shown, cancelled);
        if (found == null) {
            return false;
        }
        synchronized (lock) {
            search = pattern;
            matches = found;
            searchGeneration = generation;
        }
        return true;
    }

    private SearchMatches findAll(Pattern pattern, SeqList lines, BooleanSupplier cancelled) {
        SearchMatches found = new SearchMatches(MAX_MATCHES);
        for (int i = 0; i < lines.size() && !found.truncated(); i++) {
            if (i % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            long seq = lines.get(i);
            collectMatches(pattern, seq, store.text(seq), found);
        }
        return found;
    }

    private static void collectMatches(Pattern pattern, long seq, String text, SearchMatches into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() == m.start()) {
                continue; // an empty occurrence cannot be shown or selected
            }
            if (!into.add(seq, m.start(), m.end())) {
                return;
            }
        }
    }

    /** Drops every line (not the library names, so the library filter keeps its choices). */
    void clear() {
        synchronized (lock) {
            store.clear();
            shown.clear();
            matches.clear();
            indexedFromSeq = store.firstSeq();
            firstHostNanos = Long.MIN_VALUE;
        }
        decoder.reset();
        classifier.reset();
    }

    private static long levelMask(LineFilter filter) {
        long mask = 0;
        for (LogLevel level : filter.levels()) {
            mask |= level.bit();
        }
        return mask;
    }

    // ---------------------------------------------------------------- any thread (locked reads)

    /** Counters for the toolbar and the status line. */
    ConsoleStats readStats() {
        synchronized (lock) {
            long[] levelCounts = new long[LogLevel.count()];
            for (LogLevel level : LogLevel.values()) {
                levelCounts[level.ordinal()] = store.levelCount(level);
            }
            return new ConsoleStats(store.size(), shown.size(), store.droppedLines(), store.retainedTextBytes(), levelCounts,
                    librarySnapshot, matches.size(), matches.truncated(), filterGeneration, searchGeneration);
        }
    }

    /**
     * The lines for a viewport of {@code rows} rows: the last ones when {@code followTail}, otherwise
     * the ones from the first shown line at or after {@code anchorSeq}.
     */
    ConsoleWindow readWindow(boolean followTail, long anchorSeq, int rows, long currentMatchSeq, int currentMatchFrom,
                             long runStartNanos) {
        synchronized (lock) {
            int total = shown.size();
            int maxTop = Math.max(0, total - rows);
            int top = followTail ? maxTop : Math.min(shown.lowerBound(anchorSeq), maxTop);
            int count = Math.min(rows + 1, total - top);
            int currentOrdinal = currentMatchSeq < 0 ? -1 : matchOrdinal(currentMatchSeq, currentMatchFrom);
            long origin = runStartNanos != Long.MIN_VALUE ? runStartNanos : firstHostNanos;
            List<ConsoleLine> lines = new ArrayList<>(count);
            int match = count == 0 ? 0 : matches.lowerBound(shown.get(top), 0);
            for (int i = 0; i < count; i++) {
                long seq = shown.get(top + i);
                int firstMatch = match;
                while (match < matches.size() && matches.seq(match) == seq) {
                    match++;
                }
                lines.add(line(seq, origin, firstMatch, match, currentOrdinal));
            }
            return new ConsoleWindow(top, total, rows, lines, currentOrdinal, filterGeneration, searchGeneration, origin);
        }
    }

    private ConsoleLine line(long seq, long origin, int firstMatch, int endMatch, int currentOrdinal) {
        int[] lineMatches = null;
        int currentFrom = -1;
        int currentTo = -1;
        if (endMatch > firstMatch) {
            lineMatches = new int[2 * (endMatch - firstMatch)];
            for (int m = firstMatch; m < endMatch; m++) {
                lineMatches[2 * (m - firstMatch)] = matches.from(m);
                lineMatches[2 * (m - firstMatch) + 1] = matches.to(m);
                if (m == currentOrdinal) {
                    currentFrom = matches.from(m);
                    currentTo = matches.to(m);
                }
            }
        }
        double seconds = origin == Long.MIN_VALUE ? Double.NaN : (store.hostNanos(seq) - origin) / 1e9;
        String library = libraryNames.get(store.library(seq));
        return new ConsoleLine(seq, store.text(seq), store.level(seq), library, seconds, store.styleRuns(seq),
                lineMatches, currentFrom, currentTo);
    }

    /** The ordinal of the occurrence at exactly ({@code seq}, {@code from}), or -1 if it is gone. */
    private int matchOrdinal(long seq, int from) {
        int ordinal = matches.lowerBound(seq, from);
        return ordinal < matches.size() && matches.seq(ordinal) == seq && matches.from(ordinal) == from ? ordinal : -1;
    }

    /** The position among shown lines of the first shown line at or after {@code seq}. */
    int shownPosition(long seq) {
        synchronized (lock) {
            return shown.lowerBound(seq);
        }
    }

    /** The sequence number of the shown line at {@code position} (clamped into range), or -1 if none is shown. */
    long shownSeq(long position) {
        synchronized (lock) {
            if (shown.size() == 0) {
                return -1;
            }
            return shown.get((int) Math.max(0, Math.min(shown.size() - 1, position)));
        }
    }

    int shownCount() {
        synchronized (lock) {
            return shown.size();
        }
    }

    /** One search occurrence: where it is and its number among all occurrences. */
    record MatchLocation(long seq, int from, int to, int ordinal, int shownPosition) {
    }

    /**
     * The occurrence after ({@code direction} > 0) or before the current one, wrapping around;
     * with no current occurrence, the first at or after (or the last before) the line {@code fromSeq}.
     * Null when there is none.
     */
    MatchLocation stepMatch(long currentSeq, int currentFrom, long fromSeq, int direction) {
        synchronized (lock) {
            int count = matches.size();
            if (count == 0) {
                return null;
            }
            int current = currentSeq < 0 ? -1 : matchOrdinal(currentSeq, currentFrom);
            int ordinal;
            if (current >= 0) {
                ordinal = Math.floorMod(current + Integer.signum(direction), count);
            } else {
                int next = matches.lowerBound(Math.max(fromSeq, 0), 0);
                ordinal = direction > 0 ? (next < count ? next : 0) : (next > 0 ? next - 1 : count - 1);
            }
            long seq = matches.seq(ordinal);
            return new MatchLocation(seq, matches.from(ordinal), matches.to(ordinal), ordinal, shown.lowerBound(seq));
        }
    }
}
