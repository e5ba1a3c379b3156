package dev.porthole.trace.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects events from a reader into growable primitive columns, then {@link #finish()}es them into an
 * immutable {@link Trace}: sorted per track, nesting depths computed, arrays trimmed, level-of-detail index
 * built.
 *
 * <p>Arguments are appended to one shared store while an event is being read; the event then claims
 * everything appended since {@link #argsMark()}. A reader that decides to drop the event calls
 * {@link #discardArgs(int)}. Chrome writes {@code args} before {@code ph}, which is why arguments come first.
 *
 * <p>Memory: every growth step checks the JVM's remaining heap and throws {@link TraceTooLargeException}
 * before an {@link OutOfMemoryError} could happen; {@link #maxEvents(long)} sets a hard cap.
 */
public final class TraceBuilder {
    /** Duration of a begun slice whose end has not been seen yet. */
    private static final long OPEN = -1;
    private static final byte SLICE = 0;
    private static final byte INSTANT = 1;
    private static final byte COUNTER = 2;
    /**
     * Bytes one event needs while loading: its columns (33), args share, growth slack and the copy that
     * {@link #finish()} makes. Conservative on purpose: refusing early beats dying late.
     */
    static final long LOAD_BYTES_PER_EVENT = 110;

    private final StringPool strings = new StringPool();
    private final LoadReport report = new LoadReport();

    private int count;
    private long[] start = new long[1024];
    private long[] dur = new long[1024];
    private int[] name = new int[1024];
    private int[] cat = new int[1024];
    private int[] track = new int[1024];
    private byte[] kind = new byte[1024];
    private int[] argsStart = new int[1024];

    private int argCount;
    private int[] argKey = new int[1024];
    private byte[] argKind = new byte[1024];
    private long[] argValue = new long[1024];

    private final List<TrackSpec> tracks = new ArrayList<>();
    private final Map<TrackKey, Integer> trackIds = new HashMap<>();
    private final Map<Long, String> processNames = new HashMap<>();
    private final List<int[]> openStacks = new ArrayList<>(); // per track: [size, e0, e1, ...]
    private long lastPid = Long.MIN_VALUE;
    private long lastTid = Long.MIN_VALUE;
    private int lastThreadTrack = -1;

    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    private long maxEvents = Long.MAX_VALUE;

    private static final class TrackSpec {
        final TrackKind kind;
        String process;
        String name;
        final long pid;
        final long tid;
        int sortIndex;
        boolean named;

        TrackSpec(TrackKind kind, String process, String name, long pid, long tid) {
            this.kind = kind;
            this.process = process;
            this.name = name;
            this.pid = pid;
            this.tid = tid;
        }
    }

    private record TrackKey(TrackKind kind, long pid, long tid, String counter) {
    }

    public StringPool strings() {
        return strings;
    }

    public LoadReport report() {
        return report;
    }

    public int eventCount() {
        return count;
    }

    /** Refuse (with {@link TraceTooLargeException}) to hold more than this many events. */
    public TraceBuilder maxEvents(long limit) {
        this.maxEvents = limit;
        return this;
    }

    // ---- tracks ----

    /** The track of a Chrome thread, created on first use. */
    public int threadTrack(long pid, long tid) {
        if (pid == lastPid && tid == lastTid) {
            return lastThreadTrack;
        }
        TrackKey key = new TrackKey(TrackKind.THREAD, pid, tid, null);
        Integer id = trackIds.get(key);
        if (id == null) {
            id = addTrack(key, new TrackSpec(TrackKind.THREAD, "", "thread " + tid, pid, tid));
        }
        lastPid = pid;
        lastTid = tid;
        lastThreadTrack = id;
        return id;
    }

    /** The counter track named {@code counterName} in process {@code pid}. */
    public int counterTrack(long pid, String counterName) {
        TrackKey key = new TrackKey(TrackKind.COUNTER, pid, 0, counterName);
        Integer id = trackIds.get(key);
        return id != null ? id : addTrack(key, new TrackSpec(TrackKind.COUNTER, "", counterName, pid, 0));
    }

    /**
     * A host, guest or lane track with a fixed name. It also answers to {@link #threadTrack}(pid, tid), so a
     * Chrome file written from it reads back onto the same track.
     */
    public int namedTrack(TrackKind kind, long pid, long tid, String process, String trackName) {
        TrackKey key = new TrackKey(TrackKind.THREAD, pid, tid, null);
        Integer id = trackIds.get(key);
        if (id == null) {
            TrackSpec spec = new TrackSpec(kind, process, trackName, pid, tid);
            spec.named = true;
            id = addTrack(key, spec);
        }
        setProcessName(pid, process);
        return id;
    }

    public void setProcessName(long pid, String processName) {
        processNames.put(pid, processName);
    }

    public void setThreadName(long pid, long tid, String threadName) {
        TrackSpec spec = tracks.get(threadTrack(pid, tid));
        spec.name = threadName;
        spec.named = true;
    }

    public void setThreadSortIndex(long pid, long tid, int sortIndex) {
        tracks.get(threadTrack(pid, tid)).sortIndex = sortIndex;
    }

    private int addTrack(TrackKey key, TrackSpec spec) {
        int id = tracks.size();
        tracks.add(spec);
        trackIds.put(key, id);
        openStacks.add(null);
        return id;
    }

    // ---- arguments ----

    public int argsMark() {
        return argCount;
    }

    public void discardArgs(int mark) {
        argCount = mark;
    }

    public void addArgString(int keyId, int valueId) {
        addArg(keyId, ArgKind.STRING, valueId);
    }

    public void addArgLong(int keyId, long value) {
        addArg(keyId, ArgKind.LONG, value);
    }

    public void addArgDouble(int keyId, double value) {
        addArg(keyId, ArgKind.DOUBLE, Double.doubleToRawLongBits(value));
    }

    public void addArgBoolean(int keyId, boolean value) {
        addArg(keyId, ArgKind.BOOLEAN, value ? 1 : 0);
    }

    public void addArgNull(int keyId) {
        addArg(keyId, ArgKind.NULL, 0);
    }

    /** A nested object or array, as JSON text. */
    public void addArgJson(int keyId, int jsonTextId) {
        addArg(keyId, ArgKind.JSON, jsonTextId);
    }

    /** The value of string argument {@code keyId} appended since {@code mark}, or null (for metadata events). */
    public String pendingArgString(int mark, String key) {
        int keyId = strings.find(key);
        for (int i = mark; i < argCount; i++) {
            if (argKey[i] == keyId) {
                ArgKind k = ArgKind.VALUES[argKind[i]];
                return switch (k) {
                    case STRING, JSON -> strings.get((int) argValue[i]);
                    case LONG -> Long.toString(argValue[i]);
                    case DOUBLE -> Double.toString(Double.longBitsToDouble(argValue[i]));
                    case BOOLEAN -> argValue[i] != 0 ? "true" : "false";
                    case NULL -> null;
                };
            }
        }
        return null;
    }

    private void addArg(int keyId, ArgKind k, long value) {
        if (argCount == argKey.length) {
            int cap = grownCapacity(argKey.length, 13);
            argKey = Arrays.copyOf(argKey, cap);
            argKind = Arrays.copyOf(argKind, cap);
            argValue = Arrays.copyOf(argValue, cap);
        }
        argKey[argCount] = keyId;
        argKind[argCount] = (byte) k.ordinal();
        argValue[argCount] = value;
        argCount++;
    }

    // ---- events ----

    /** A complete slice; its arguments are those appended since {@code argsFrom}. Returns its index. */
    public int slice(int trackId, long startNs, long durationNs, int nameId, int catId, int argsFrom) {
        return add(trackId, startNs, Math.max(0, durationNs), nameId, catId, SLICE, argsFrom);
    }

    public int instant(int trackId, long timeNs, int nameId, int catId, int argsFrom) {
        return add(trackId, timeNs, 0, nameId, catId, INSTANT, argsFrom);
    }

    /** A counter sample: its numeric arguments are the counter's series values. */
    public int counter(int trackId, long timeNs, int nameId, int catId, int argsFrom) {
        return add(trackId, timeNs, 0, nameId, catId, COUNTER, argsFrom);
    }

    /** Opens a slice on {@code trackId}; {@link #end} closes the most recently opened one. */
    public void begin(int trackId, long startNs, int nameId, int catId, int argsFrom) {
        int e = add(trackId, startNs, OPEN, nameId, catId, SLICE, argsFrom);
        int[] stack = openStacks.get(trackId);
        if (stack == null) {
            stack = new int[8];
        } else if (stack[0] + 1 == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[++stack[0]] = e;
        openStacks.set(trackId, stack);
    }

    /**
     * Closes the innermost open slice of {@code trackId}. An end with nothing open is dropped and counted.
     * Returns whether a slice was closed.
     */
    public boolean end(int trackId, long endNs) {
        int[] stack = openStacks.get(trackId);
        if (stack == null || stack[0] == 0) {
            report.countUnmatchedEnd();
            return false;
        }
        int e = stack[stack[0]--];
        dur[e] = saturatedDuration(start[e], endNs);
        seeTime(endNs);
        return true;
    }

    /** The name of the innermost open slice of {@code trackId}, or -1. */
    public int openSliceName(int trackId) {
        int[] stack = openStacks.get(trackId);
        return stack == null || stack[0] == 0 ? -1 : name[stack[stack[0]]];
    }

    private int add(int trackId, long startNs, long durationNs, int nameId, int catId, byte k, int argsFrom) {
        if (count == start.length) {
            growEvents();
        }
        if (durationNs > 0 && startNs > Long.MAX_VALUE - durationNs) {
            durationNs = Long.MAX_VALUE - startNs; // end must fit a long: saturate rather than wrap into the past
        }
        int e = count++;
        start[e] = startNs;
        dur[e] = durationNs;
        name[e] = nameId;
        cat[e] = catId;
        track[e] = trackId;
        kind[e] = k;
        argsStart[e] = argsFrom;
        seeTime(startNs);
        if (durationNs > 0) {
            seeTime(startNs + durationNs);
        }
        return e;
    }

    private static long saturatedDuration(long from, long to) {
        long d = to - from;
        return ((from ^ to) & (from ^ d)) < 0 ? (to > from ? Long.MAX_VALUE - Math.max(0, from) : 0) : Math.max(0, d);
    }

    private void seeTime(long t) {
        if (t < minTime) {
            minTime = t;
        }
        if (t > maxTime) {
            maxTime = t;
        }
    }

    private void growEvents() {
        if (count >= maxEvents) {
            throw new TraceTooLargeException("refused to load more than " + maxEvents + " events from "
                    + describeSource() + ": the limit for this load was reached; open a shorter trace or raise the limit");
        }
        int cap = (int) Math.min(grownCapacity(start.length, LOAD_BYTES_PER_EVENT), Math.max(maxEvents, count + 1));
        start = Arrays.copyOf(start, cap);
        dur = Arrays.copyOf(dur, cap);
        name = Arrays.copyOf(name, cap);
        cat = Arrays.copyOf(cat, cap);
        track = Arrays.copyOf(track, cap);
        kind = Arrays.copyOf(kind, cap);
        argsStart = Arrays.copyOf(argsStart, cap);
    }

    /** Doubles {@code current}, first checking the heap can take it (and the copy finish() makes later). */
    private int grownCapacity(int current, long bytesPerSlot) {
        long wanted = Math.min((long) current * 2, Integer.MAX_VALUE - 16);
        if (wanted <= current) {
            throw new TraceTooLargeException("refused to load " + describeSource() + ": more than " + current
                    + " records, beyond what one model can index");
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long free = rt.maxMemory() - used;
        long need = (wanted - current) * bytesPerSlot + (long) count * 40; // growth + finish()'s sorted copy
        if (need > free) {
            System.gc(); // garbage from the parser may be most of "used"; measure again before refusing
            used = rt.totalMemory() - rt.freeMemory();
            free = rt.maxMemory() - used;
            if (need > free) {
                throw new TraceTooLargeException(String.format(
                        "refused to load %s: after %,d events the trace needs about %,d MB more, but this JVM has "
                                + "only %,d MB free of %,d MB (-Xmx); run with a larger -Xmx (e.g. -Xmx%dg) or load a "
                                + "shorter trace", describeSource(), count, need >> 20, free >> 20,
                        rt.maxMemory() >> 20, Math.max(2, (rt.maxMemory() >> 30) * 2)));
            }
        }
        return (int) wanted;
    }

    private String describeSource() {
        return report.source().isEmpty() ? "the trace" : report.source();
    }

    /** Earliest time seen so far (ns), or Long.MAX_VALUE before the first event. */
    public long minTime() {
        return minTime;
    }

    /** Latest time seen so far (ns), or Long.MIN_VALUE before the first event. */
    public long maxTime() {
        return maxTime;
    }

    /** Moves every event by {@code deltaNs}: to put a run's earliest host phase at 0. */
    public void shiftTimes(long deltaNs) {
        for (int e = 0; e < count; e++) {
            start[e] += deltaNs;
        }
        if (count > 0) {
            minTime += deltaNs;
            maxTime += deltaNs;
        }
    }

    // ---- finish ----

    /** Closes what is still open, sorts, computes depths, trims and indexes. The builder is spent afterwards. */
    public Trace finish() {
        closeOpenSlices();
        int trackCount = tracks.size();
        int[] perm = sortedOrder(trackCount);

        long[] sStart = new long[count];
        long[] sDur = new long[count];
        int[] sName = new int[count];
        int[] sCat = new int[count];
        byte[] sKind = new byte[count];
        int[] sArgs = new int[count + 1];
        int[] sArgKey = new int[argCount];
        byte[] sArgKind = new byte[argCount];
        long[] sArgValue = new long[argCount];
        int a = 0;
        for (int i = 0; i < count; i++) {
            int e = perm[i];
            sStart[i] = start[e];
            sDur[i] = dur[e];
            sName[i] = name[e];
            sCat[i] = cat[e];
            sKind[i] = kind[e];
            sArgs[i] = a;
            int from = argsStart[e];
            int to = e + 1 < count ? argsStart[e + 1] : argCount;
            for (int k = from; k < to; k++, a++) { // events carry a handful of args: a loop beats arraycopy calls
                sArgKey[a] = argKey[k];
                sArgKind[a] = argKind[k];
                sArgValue[a] = argValue[k];
            }
        }
        sArgs[count] = a;
        int[] trackOf = track;
        int[] firstOfTrack = new int[trackCount + 1];
        for (int i = 0; i < count; i++) {
            firstOfTrack[trackOf[i] + 1]++;
        }
        for (int t = 0; t < trackCount; t++) {
            firstOfTrack[t + 1] += firstOfTrack[t];
        }
        // release the unsorted columns before the depth pass allocates
        start = null;
        dur = null;
        name = null;
        cat = null;
        kind = null;
        argsStart = null;
        argKey = null;
        argKind = null;
        argValue = null;
        track = null;

        short[] depth = new short[count];
        List<Track> finished = new ArrayList<>(trackCount);
        for (int t = 0; t < trackCount; t++) {
            if (firstOfTrack[t] == firstOfTrack[t + 1]) {
                continue; // a thread named by metadata that never had an event
            }
            int maxDepth = computeDepths(sStart, sDur, sKind, depth, firstOfTrack[t], firstOfTrack[t + 1]);
            TrackSpec spec = tracks.get(t);
            String process = spec.process.isEmpty()
                    ? processNames.getOrDefault(spec.pid, spec.kind == TrackKind.THREAD || spec.kind == TrackKind.COUNTER
                            ? "process " + spec.pid : "")
                    : spec.process;
            finished.add(new Track(finished.size(), spec.kind, process, spec.name, spec.pid, spec.tid, spec.sortIndex, maxDepth,
                    firstOfTrack[t], firstOfTrack[t + 1]));
        }
        return new Trace(strings, finished, sStart, sDur, sName, sCat, sKind, depth, sArgs, sArgKey, sArgKind,
                sArgValue, report);
    }

    private void closeOpenSlices() {
        long traceEnd = maxTime == Long.MIN_VALUE ? 0 : maxTime;
        for (int[] stack : openStacks) {
            if (stack == null) {
                continue;
            }
            for (int i = stack[0]; i >= 1; i--) {
                int e = stack[i];
                dur[e] = saturatedDuration(start[e], traceEnd);
                report.countUnclosedBegin();
            }
            stack[0] = 0;
        }
    }

    /** Event indices ordered by track, then start ascending, then duration descending (parents first). */
    private int[] sortedOrder(int trackCount) {
        int[] offsets = new int[trackCount + 1];
        for (int i = 0; i < count; i++) {
            offsets[track[i] + 1]++;
        }
        for (int t = 0; t < trackCount; t++) {
            offsets[t + 1] += offsets[t];
        }
        int[] perm = new int[count];
        int[] fill = Arrays.copyOf(offsets, trackCount);
        for (int i = 0; i < count; i++) {
            perm[fill[track[i]]++] = i;
        }
        for (int t = 0; t < trackCount; t++) {
            EventSort.sortByStartThenLongest(perm, offsets[t], offsets[t + 1], start, dur);
        }
        // the permutation applied to the track column, so finish() can find track boundaries
        int[] sortedTrack = new int[count];
        for (int i = 0; i < count; i++) {
            sortedTrack[i] = track[perm[i]];
        }
        track = sortedTrack;
        return perm;
    }

    /**
     * Nesting depth of each event in {@code [from, to)}: the number of enclosing slices still open when it
     * starts. Two events on one depth never overlap, which is what lets {@link LodIndex} binary-search by end.
     */
    private static int computeDepths(long[] start, long[] dur, byte[] kind, short[] depth, int from, int to) {
        long[] openEnds = new long[16];
        int open = 0;
        int maxDepth = 0;
        for (int e = from; e < to; e++) {
            long s = start[e];
            while (open > 0 && openEnds[open - 1] <= s) {
                open--;
            }
            if (kind[e] == COUNTER) {
                depth[e] = 0;
                continue;
            }
            int d = Math.min(open, Short.MAX_VALUE);
            depth[e] = (short) d;
            maxDepth = Math.max(maxDepth, d);
            if (kind[e] == SLICE && dur[e] > 0 && open < Short.MAX_VALUE) {
                if (open == openEnds.length) {
                    openEnds = Arrays.copyOf(openEnds, open * 2);
                }
                openEnds[open++] = s + dur[e];
            }
        }
        return maxDepth;
    }
}
