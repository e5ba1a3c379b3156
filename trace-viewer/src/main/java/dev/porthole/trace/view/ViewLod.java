package dev.porthole.trace.view;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.util.Arrays;

/**
 * The renderer's level-of-detail query: "track t, time [from, to), N pixel columns -> at most one rectangle per
 * column and depth". Same index as the core's {@code LodIndex} (events grouped by track and depth, start order;
 * on one depth ends are sorted too, so whole runs of events are skipped by binary search) with one difference in
 * how neighbours share a column: an event at least a pixel wide is never merged into its neighbour just because
 * the neighbour's last column is also its first; it keeps its own rectangle from the next free column. Sub-pixel
 * events still merge into one "busy" rectangle. (The core's query chains touching wide slices into one
 * rectangle: the kernel's boot stages, a few µs apart, became one bar. Once the core merges like this, the
 * renderer can go back to {@code trace.lod()}.)
 *
 * <p>Costs 4 bytes per event, built once per trace in one pass.
 */
public final class ViewLod {
    private final Trace trace;
    private final int[] order;
    private final int[] levelStart;
    private final int[] trackFirstLevel;

    public ViewLod(Trace trace) {
        this.trace = trace;
        int trackCount = trace.tracks().size();
        trackFirstLevel = new int[trackCount + 1];
        for (int t = 0; t < trackCount; t++) {
            trackFirstLevel[t + 1] = trackFirstLevel[t] + trace.lod().depthCount(t);
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
        int[] fill = Arrays.copyOf(levelStart, levelStart.length);
        for (int t = 0; t < trackCount; t++) {
            Track track = trace.track(t);
            int base = trackFirstLevel[t];
            for (int e = track.firstEvent(); e < track.endEvent(); e++) {
                order[fill[base + trace.depth(e)]++] = e;
            }
        }
    }

    public Trace trace() {
        return trace;
    }

    public int depthCount(int t) {
        return trackFirstLevel[t + 1] - trackFirstLevel[t];
    }

    /** Fills {@code out} with the rectangles of track {@code t} in {@code [from, to)} over {@code columns} columns. */
    public void query(int t, long from, long to, int columns, LodRects out) {
        out.clear();
        if (to <= from || columns <= 0) {
            return;
        }
        double scale = columns / (double) (to - from);
        for (int d = 0, depths = depthCount(t); d < depths; d++) {
            int level = trackFirstLevel[t] + d;
            queryLevel(d, levelStart[level], levelStart[level + 1], from, to, columns, scale, out);
        }
    }

    private void queryLevel(int d, int lo, int hi, long from, long to, int columns, double scale, LodRects out) {
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
            int x0 = s <= from ? 0 : (int) Math.min(columns - 1, (long) ((s - from) * scale));
            int x1 = end >= to ? columns : (int) Math.min(columns, (long) Math.ceil((end - from) * scale));
            x1 = Math.max(x1, x0 + 1);
            boolean merge = false;
            if (curEvent >= 0 && x0 < curX1) {
                if (x1 <= curX1 || widthPx < 1) {
                    merge = true; // inside the current rectangle, or too thin to show on its own
                } else {
                    x0 = curX1; // wide enough: its own rectangle from the next free column
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
                int last = firstStartingAtOrAfter(k + 1, hi, to);
                curCount += last - (k + 1);
                break;
            }
            // events ending inside the rectangle cannot widen it: count them, jump past them
            long boundary = from + (long) Math.floor(curX1 / scale);
            int next = firstEndingAfter(k + 1, hi, boundary);
            curCount += next - (k + 1);
            k = next;
        }
        if (curEvent >= 0) {
            out.add(d, curX0, curX1, curEvent, curCount);
        }
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

    /** Galloping search: the next rectangle's events are usually close, so probe 1, 2, 4, ... then bisect. */
    private int firstEndingAfter(int lo, int hi, long time) {
        int step = 1;
        int probe = lo;
        while (probe < hi && trace.end(order[probe]) <= time) {
            lo = probe + 1;
            probe = lo + step;
            step <<= 1;
        }
        hi = Math.min(hi, probe);
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

    /** The rectangles of one query; reused frame to frame, allocating only when a frame outgrows it. */
    public static final class LodRects {
        private int size;
        private int[] depth = new int[64];
        private int[] x0 = new int[64];
        private int[] x1 = new int[64];
        private int[] event = new int[64];
        private int[] count = new int[64];

        public int size() {
            return size;
        }

        public int depth(int i) {
            return depth[i];
        }

        public int x0(int i) {
            return x0[i];
        }

        public int x1(int i) {
            return x1[i];
        }

        public int event(int i) {
            return event[i];
        }

        public int count(int i) {
            return count[i];
        }

        void clear() {
            size = 0;
        }

        void add(int d, int from, int to, int e, int n) {
            if (size == depth.length) {
                int cap = size * 2;
                depth = Arrays.copyOf(depth, cap);
                x0 = Arrays.copyOf(x0, cap);
                x1 = Arrays.copyOf(x1, cap);
                event = Arrays.copyOf(event, cap);
                count = Arrays.copyOf(count, cap);
            }
            depth[size] = d;
            x0[size] = from;
            x1[size] = to;
            event[size] = e;
            count[size] = n;
            size++;
        }
    }
}
