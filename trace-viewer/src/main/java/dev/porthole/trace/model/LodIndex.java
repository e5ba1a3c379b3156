package dev.porthole.trace.model;

import java.util.function.IntConsumer;

/**
 * Level-of-detail queries over a {@link Trace}: "track t, time [from, to), N pixel columns -> at most one
 * merged rectangle per column and depth". The timeline view and the render benchmark both draw from it.
 * Sub-pixel events merge into the rectangle whose column they share, and runs of them into one "busy" bar
 * ({@link LodFrame#count} > 1), so a dense region is one bar, not one rectangle per pixel. An event at least a
 * pixel wide keeps its own rectangle: if its first column is taken, it starts at the next free one (boot stages a
 * few µs apart stay separate bars). (Rules agreed with the timeline view's first, private copy of this query.)
 *
 * <p>How: per track and depth, events are kept in start order; on one depth they never overlap, so their
 * ends are sorted too. A query binary-searches the first event ending at or after {@code from}, and after
 * each rectangle jumps (again by binary search) past every event that ends inside the rectangle's last
 * column. Cost is O(columns × log n) per depth, whatever the number of events in range.
 *
 * <pre>{@code
 * LodFrame frame = new LodFrame();
 * trace.lod().query(trackId, viewStartNs, viewEndNs, canvasWidthPx, frame);
 * for (int i = 0; i < frame.size(); i++)
 *     fillRect(frame.x0(i), frame.depth(i) * rowHeight, frame.x1(i) - frame.x0(i), rowHeight,
 *              colourOf(trace.nameId(frame.event(i))));
 * }</pre>
 */
public final class LodIndex {
    private final Trace trace;
    private final int[] order;           // event ids, grouped by track then depth, start order inside
    private final int[] levelStart;      // offsets into order for each (track, depth); one sentinel at the end
    private final int[] trackFirstLevel; // per track, its depth-0 entry in levelStart

    LodIndex(Trace trace) {
        this.trace = trace;
        int trackCount = trace.tracks().size();
        trackFirstLevel = new int[trackCount + 1];
        for (int t = 0; t < trackCount; t++) {
            Track track = trace.track(t);
            trackFirstLevel[t + 1] = trackFirstLevel[t] + (track.eventCount() == 0 ? 0 : track.maxDepth() + 1);
        }
        levelStart = new int[trackFirstLevel[trackCount] + 1];
        order = new int[trace.eventCount()];
        for (int t = 0; t < trackCount; t++) {
            Track track = trace.track(t);
            int base = trackFirstLevel[t];
            for (int e = track.firstEvent(); e < track.endEvent(); e++) {
                levelStart[base + trace.depth(e) + 1]++;
            }
        }
        for (int l = 0; l + 1 < levelStart.length; l++) {
            levelStart[l + 1] += levelStart[l];
        }
        int[] fill = levelStart.clone();
        for (int t = 0; t < trackCount; t++) {
            Track track = trace.track(t);
            int base = trackFirstLevel[t];
            for (int e = track.firstEvent(); e < track.endEvent(); e++) {
                order[fill[base + trace.depth(e)]++] = e;
            }
        }
    }

    /** Number of depths (rows) track {@code t} needs; 0 when it has no events. */
    public int depthCount(int t) {
        return trackFirstLevel[t + 1] - trackFirstLevel[t];
    }

    /**
     * Fills {@code out} with the rectangles of track {@code t} in {@code [from, to)} drawn over {@code columns}
     * columns: at most one rectangle per column and depth, each with the count of events it merges.
     */
    public void query(int t, long from, long to, int columns, LodFrame out) {
        out.clear();
        if (to <= from || columns <= 0) {
            return;
        }
        double scale = columns / ((double) to - from); // in double: to - from may not fit a long
        for (int d = 0, depths = depthCount(t); d < depths; d++) {
            int level = trackFirstLevel[t] + d;
            queryLevel(d, levelStart[level], levelStart[level + 1], from, to, columns, scale, out);
        }
    }

    private void queryLevel(int d, int lo, int hi, long from, long to, int columns, double scale, LodFrame out) {
        int k = firstEndingAtOrAfter(lo, hi, from);
        int curX0 = -1;
        int curX1 = -1;
        int curEvent = -1;
        int curCount = 0;
        while (k < hi) {
            int e = order[k];
            long s = trace.start(e);
            if (s >= to) {
                break;
            }
            long end = trace.end(e);
            double widthPx = (end - s) * scale;
            int x0 = s <= from ? 0 : (int) Math.max(0, Math.min(columns - 1, (long) (((double) s - from) * scale)));
            int x1 = end >= to ? columns : (int) Math.min(columns, (long) Math.ceil(((double) end - from) * scale));
            x1 = Math.max(x1, x0 + 1);
            boolean merge = false;
            if (curEvent >= 0 && x0 < curX1) {
                if (x1 <= curX1 || widthPx < 1) {
                    merge = true; // inside the current rectangle, or too thin to show on its own
                } else {
                    x0 = curX1; // at least a pixel wide: its own rectangle from the next free column
                }
            } else if (curEvent >= 0 && x0 == curX1 && widthPx < 1 && (curCount > 1 || curX1 - curX0 <= 1)) {
                merge = true; // a run of sub-pixel events becomes one busy bar
            }
            if (merge) {
                curX1 = Math.max(curX1, x1);
                curCount++;
            } else {
                if (curEvent >= 0) {
                    out.add(d, curX0, curX1, curEvent, curCount);
                }
                curX0 = x0;
                curX1 = x1;
                curEvent = e;
                curCount = 1;
            }
            if (curX1 >= columns) {
                // everything else starting before `to` merges into this rectangle
                int last = firstStartingAtOrAfter(k + 1, hi, to);
                curCount += last - (k + 1);
                break;
            }
            // events ending inside the rectangle's last column cannot widen it: count them, jump past them
            long boundary = (long) (from + Math.floor(curX1 / scale)); // a double->long cast saturates, never wraps
            int next = gallopEndingAfter(k + 1, hi, boundary);
            curCount += next - (k + 1);
            k = next;
        }
        if (curEvent >= 0) {
            out.add(d, curX0, curX1, curEvent, curCount);
        }
    }

    /** Calls {@code visitor} with every event of track {@code t} overlapping {@code [from, to)}, depth by depth. */
    public void forEachOverlapping(int t, long from, long to, IntConsumer visitor) {
        for (int d = 0, depths = depthCount(t); d < depths; d++) {
            int level = trackFirstLevel[t] + d;
            int hi = levelStart[level + 1];
            for (int k = firstEndingAtOrAfter(levelStart[level], hi, from); k < hi; k++) {
                int e = order[k];
                if (trace.start(e) >= to && !(trace.start(e) == from && from == to)) {
                    break;
                }
                if (trace.end(e) > from || trace.start(e) >= from) {
                    visitor.accept(e);
                }
            }
        }
    }

    /**
     * The event at depth {@code d} of track {@code t} covering time {@code time}, or the nearest instant within
     * {@code slackNs} of it; -1 if none. For mouse hits and tooltips.
     */
    public int eventAt(int t, int d, long time, long slackNs) {
        if (d < 0 || d >= depthCount(t)) {
            return -1;
        }
        int level = trackFirstLevel[t] + d;
        int hi = levelStart[level + 1];
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int k = firstEndingAtOrAfter(levelStart[level], hi, time - slackNs); k < hi; k++) {
            int e = order[k];
            long s = trace.start(e);
            if (s > time + slackNs) {
                break;
            }
            long distance = time < s ? s - time : Math.max(0, time - trace.end(e));
            if (distance < bestDistance) {
                best = e;
                bestDistance = distance;
                if (distance == 0) {
                    break;
                }
            }
        }
        return best;
    }

    long bytes() {
        return (long) order.length * 4 + (long) levelStart.length * 4 + (long) trackFirstLevel.length * 4;
    }

    private int firstEndingAtOrAfter(int lo, int hi, long time) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.end(order[mid]) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstEndingAfter(int lo, int hi, long time) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.end(order[mid]) <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #firstEndingAfter} searched outward from {@code lo}: the answer is usually a few events ahead (the next
     * pixel column), so doubling steps find it touching little memory, where a full binary search would not.
     */
    private int gallopEndingAfter(int lo, int hi, long time) {
        if (lo >= hi || trace.end(order[lo]) > time) {
            return lo;
        }
        int known = lo; // ends at or before time
        int step = 1;
        int probe = lo + 1;
        while (probe < hi && trace.end(order[probe]) <= time) {
            known = probe;
            step <<= 1;
            probe = known + step;
        }
        return firstEndingAfter(known + 1, Math.min(probe, hi), time);
    }

    private int firstStartingAtOrAfter(int lo, int hi, long time) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.start(order[mid]) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
