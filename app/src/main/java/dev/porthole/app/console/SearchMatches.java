package dev.porthole.app.console;

import java.util.Arrays;

/**
 * Where the search text occurs: one entry per occurrence, ordered by line and then by column,
 * at most {@code limit} entries (a search for "e" in a million lines must not take a gigabyte).
 * Not thread-safe.
 */
final class SearchMatches {
    private final int limit;
    private long[] seqs = new long[256];
    private int[] from = new int[256];
    private int[] to = new int[256];
    private int start;
    private int end;
    private boolean truncated;

    SearchMatches(int limit) {
        this.limit = limit;
    }

    int size() {
        return end - start;
    }

    boolean truncated() {
        return truncated;
    }

    long seq(int ordinal) {
        return seqs[start + ordinal];
    }

    int from(int ordinal) {
        return from[start + ordinal];
    }

    int to(int ordinal) {
        return to[start + ordinal];
    }

    /** Adds one occurrence; returns false (and remembers it) once the limit is reached. */
    boolean add(long seq, int fromColumn, int toColumn) {
        if (truncated || size() >= limit) {
            truncated = true; // once full, stay full: a later occurrence after a gap would mislead the count
            return false;
        }
        if (end == seqs.length) {
            makeRoom();
        }
        seqs[end] = seq;
        from[end] = fromColumn;
        to[end] = toColumn;
        end++;
        return true;
    }

    private void makeRoom() {
        int size = size();
        int capacity = start >= seqs.length / 2 ? seqs.length : seqs.length + (seqs.length >> 1);
        long[] newSeqs = new long[capacity];
        int[] newFrom = new int[capacity];
        int[] newTo = new int[capacity];
        System.arraycopy(seqs, start, newSeqs, 0, size);
        System.arraycopy(from, start, newFrom, 0, size);
        System.arraycopy(to, start, newTo, 0, size);
        seqs = newSeqs;
        from = newFrom;
        to = newTo;
        start = 0;
        end = size;
    }

    /** The ordinal of the first occurrence at or after ({@code seq}, {@code column}); size() if none. */
    int lowerBound(long seq, int column) {
        int index = Arrays.binarySearch(seqs, start, end, seq);
        int i = index >= 0 ? index : -index - 1;
        while (i > start && seqs[i - 1] == seq) {
            i--; // binarySearch finds any of a line's occurrences; go to its first
        }
        while (i < end && seqs[i] == seq && from[i] < column) {
            i++;
        }
        return i - start;
    }

    /** Removes the occurrences in lines below {@code seq} (the lines dropped from the store). */
    void removeBelow(long seq) {
        start += lowerBound(seq, 0);
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    void clear() {
        start = 0;
        end = 0;
        truncated = false;
    }
}
