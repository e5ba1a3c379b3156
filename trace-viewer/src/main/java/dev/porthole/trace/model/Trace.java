package dev.porthole.trace.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, columnar trace: one row per event, one primitive array per field. Times are nanoseconds on
 * the trace's own axis (Chrome µs × 1000; Porthole TSC converted with {@code tsc_hz}; host and guest aligned
 * by {@code dev.porthole.trace.run.RunTraceLoader}).
 *
 * <p>Events are grouped by track and sorted by start within a track ({@link Track#firstEvent()} ..
 * {@link Track#endEvent()}); on one track, two events of the same {@link #depth(int)} never overlap. A
 * renderer asks {@link #lod()} for at most one rectangle per pixel column, never walks all events.
 *
 * <p>About 35 bytes per event plus 13 per argument; strings are interned once in {@link #strings()}.
 */
public final class Trace {
    private final StringPool strings;
    private final List<Track> tracks;
    private final long[] start;
    private final long[] dur;
    private final int[] name;
    private final int[] cat;
    private final byte[] kind;
    private final short[] depth;
    private final int[] argsStart; // eventCount + 1 entries
    private final int[] argKey;
    private final byte[] argKind;
    private final long[] argValue;
    private final LoadReport report;
    private final long startTime;
    private final long endTime;
    private final LodIndex lod;

    Trace(StringPool strings, List<Track> tracks, long[] start, long[] dur, int[] name, int[] cat, byte[] kind,
          short[] depth, int[] argsStart, int[] argKey, byte[] argKind, long[] argValue, LoadReport report) {
        this.strings = strings;
        this.tracks = List.copyOf(tracks);
        this.start = start;
        this.dur = dur;
        this.name = name;
        this.cat = cat;
        this.kind = kind;
        this.depth = depth;
        this.argsStart = argsStart;
        this.argKey = argKey;
        this.argKind = argKind;
        this.argValue = argValue;
        this.report = report;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int e = 0; e < start.length; e++) {
            lo = Math.min(lo, start[e]);
            hi = Math.max(hi, start[e] + dur[e]);
        }
        this.startTime = start.length == 0 ? 0 : lo;
        this.endTime = start.length == 0 ? 0 : hi;
        this.lod = new LodIndex(this);
    }

    public int eventCount() {
        return start.length;
    }

    public List<Track> tracks() {
        return tracks;
    }

    public Track track(int id) {
        return tracks.get(id);
    }

    /** The track holding event {@code e} (binary search over track ranges). */
    public int trackOf(int e) {
        int lo = 0;
        int hi = tracks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tracks.get(mid).firstEvent() <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The last event of {@code track} that starts at or before {@code time}, or -1 when none does: for a counter,
     * the sample in force at that time. A track's events are sorted by start.
     */
    public int lastEventStartingBy(int track, long time) {
        Track t = tracks.get(track);
        int lo = t.firstEvent();
        int hi = t.endEvent();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == t.firstEvent() ? -1 : lo - 1;
    }

    public long start(int e) {
        return start[e];
    }

    public long duration(int e) {
        return dur[e];
    }

    public long end(int e) {
        return start[e] + dur[e];
    }

    public int nameId(int e) {
        return name[e];
    }

    public String name(int e) {
        return strings.get(name[e]);
    }

    public int categoryId(int e) {
        return cat[e];
    }

    public String category(int e) {
        return strings.get(cat[e]);
    }

    public EventKind kind(int e) {
        return EventKind.VALUES[kind[e]];
    }

    public int depth(int e) {
        return depth[e];
    }

    /** Earliest start of any event (ns), 0 for an empty trace. */
    public long startTime() {
        return startTime;
    }

    /** Latest end of any event (ns). */
    public long endTime() {
        return endTime;
    }

    public long durationTime() {
        return endTime - startTime;
    }

    public StringPool strings() {
        return strings;
    }

    public LoadReport report() {
        return report;
    }

    public LodIndex lod() {
        return lod;
    }

    // ---- arguments ----

    public int argCount(int e) {
        return argsStart[e + 1] - argsStart[e];
    }

    public String argKey(int e, int i) {
        return strings.get(argKey[argsStart[e] + i]);
    }

    public ArgKind argKind(int e, int i) {
        return ArgKind.VALUES[argKind[argsStart[e] + i]];
    }

    /** The raw 64-bit slot: a long, double bits, 0/1, or a string id, depending on {@link #argKind}. */
    public long argRaw(int e, int i) {
        return argValue[argsStart[e] + i];
    }

    /** The value as Java object: String, Long, Double, Boolean, null, or {@link JsonText} for nested JSON. */
    public Object argValue(int e, int i) {
        int a = argsStart[e] + i;
        long v = argValue[a];
        return switch (ArgKind.VALUES[argKind[a]]) {
            case STRING -> strings.get((int) v);
            case LONG -> v;
            case DOUBLE -> Double.longBitsToDouble(v);
            case BOOLEAN -> v != 0;
            case NULL -> null;
            case JSON -> new JsonText(strings.get((int) v));
        };
    }

    /** All arguments of {@code e} in their original order, for a details pane. */
    public Map<String, Object> args(int e) {
        int n = argCount(e);
        if (n == 0) {
            return Collections.emptyMap();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(argKey(e, i), argValue(e, i));
        }
        return out;
    }

    /** The first numeric argument of a counter sample (its value), or NaN. */
    public double counterValue(int e) {
        for (int i = 0, n = argCount(e); i < n; i++) {
            ArgKind k = argKind(e, i);
            if (k == ArgKind.LONG) {
                return argRaw(e, i);
            }
            if (k == ArgKind.DOUBLE) {
                return Double.longBitsToDouble(argRaw(e, i));
            }
        }
        return Double.NaN;
    }

    /** Bytes held by the columns (not counting strings), for the memory benchmark. */
    public long columnBytes() {
        long n = start.length;
        return n * (8 + 8 + 4 + 4 + 1 + 2 + 4) + (long) argKey.length * (4 + 1 + 8) + lod.bytes();
    }

    /** A nested JSON value kept as text. */
    public record JsonText(String json) {
        @Override
        public String toString() {
            return json;
        }
    }
}
