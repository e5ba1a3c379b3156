package dev.porthole.trace.model;

import java.util.Arrays;

/**
 * The rectangles of one track at one zoom level, as {@link LodIndex#query} computes them: at most one per
 * pixel column and depth. Columns are half-open {@code [x0, x1)} in units of the query's columns.
 * Reusable: a renderer keeps one per track (or one overall) and queries into it each frame, allocating nothing.
 */
public final class LodFrame {
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

    /** First column covered. */
    public int x0(int i) {
        return x0[i];
    }

    /** One past the last column covered (always > x0). */
    public int x1(int i) {
        return x1[i];
    }

    /** The first event merged into this rectangle: its name, colour, tooltip. */
    public int event(int i) {
        return event[i];
    }

    /** How many events this rectangle stands for (1 = a single event, drawn with its name). */
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
