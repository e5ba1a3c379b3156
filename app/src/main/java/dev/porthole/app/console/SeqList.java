package dev.porthole.app.console;

import java.util.Arrays;

/**
 * A growable, strictly increasing list of line sequence numbers (the lines a filter shows),
 * with cheap removal from the front as old lines drop. Positions are 0-based from the current front.
 * Not thread-safe.
 */
final class SeqList {
    private long[] seqs;
    private int start;
    private int end;

    SeqList() {
        this(1024);
    }

    SeqList(int initialCapacity) {
        seqs = new long[Math.max(16, initialCapacity)];
    }

    int size() {
        return end - start;
    }

    long get(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException("Position " + position + " outside 0.." + (size() - 1));
        }
        return seqs[start + position];
    }

    /** Appends a sequence number greater than every one already here. */
    void add(long seq) {
        if (end > start && seq <= seqs[end - 1]) {
            throw new IllegalArgumentException("Sequence numbers must grow: " + seq + " after " + seqs[end - 1]);
        }
        if (end == seqs.length) {
            makeRoom();
        }
        seqs[end++] = seq;
    }

    private void makeRoom() {
        int size = size();
        if (start > 0 && start >= seqs.length / 2) {
            System.arraycopy(seqs, start, seqs, 0, size);
        } else {
            seqs = Arrays.copyOfRange(seqs, start, start + Math.max(16, seqs.length + (seqs.length >> 1)));
        }
        start = 0;
        end = size;
    }

    /** The position of the first sequence number {@code >= seq} (size() if none). */
    int lowerBound(long seq) {
        int index = Arrays.binarySearch(seqs, start, end, seq);
        return (index >= 0 ? index : -index - 1) - start;
    }

    /** Removes every sequence number below {@code seq}; returns how many went. */
    int removeBelow(long seq) {
        int removed = lowerBound(seq);
        start += removed;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return removed;
    }

    void clear() {
        start = 0;
        end = 0;
    }
}
