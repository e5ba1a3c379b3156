package dev.porthole.trace.model;

import java.util.Arrays;

/**
 * Sorts a range of event indices by (start ascending, duration descending) without boxing. Traces usually
 * arrive nearly sorted per track (Chrome writes X events when they end, so children precede parents), so
 * the common path packs (start, position) into one long and uses the JDK's primitive sort.
 */
final class EventSort {
    private EventSort() {
    }

    static void sortByStartThenLongest(int[] idx, int from, int to, long[] start, long[] dur) {
        if (to - from < 2 || isSorted(idx, from, to, start, dur)) {
            return;
        }
        int n = to - from;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            long s = start[idx[i]];
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        int posBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long span = max - min;
        if (span >= 0 && (posBits == 0 || span < (1L << (63 - posBits)))) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((start[idx[from + i]] - min) << posBits) | i;
            }
            Arrays.sort(keys);
            int[] copy = Arrays.copyOfRange(idx, from, to);
            long mask = (1L << posBits) - 1;
            for (int i = 0; i < n; i++) {
                idx[from + i] = copy[(int) (keys[i] & mask)];
            }
            orderTiesByLongest(idx, from, to, start, dur);
        } else {
            mergeSort(idx, from, to, start, dur);
        }
    }

    private static boolean isSorted(int[] idx, int from, int to, long[] start, long[] dur) {
        for (int i = from + 1; i < to; i++) {
            if (compare(idx[i - 1], idx[i], start, dur) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int a, int b, long[] start, long[] dur) {
        int c = Long.compare(start[a], start[b]);
        return c != 0 ? c : Long.compare(dur[b], dur[a]);
    }

    /** Within runs of equal start, longest first (insertion sort: runs are short). */
    private static void orderTiesByLongest(int[] idx, int from, int to, long[] start, long[] dur) {
        int runStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || start[idx[i]] != start[idx[runStart]]) {
                if (i - runStart > 1) {
                    insertionSort(idx, runStart, i, start, dur);
                }
                runStart = i;
            }
        }
    }

    private static void insertionSort(int[] idx, int from, int to, long[] start, long[] dur) {
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= from && compare(idx[j], v, start, dur) > 0) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    private static void mergeSort(int[] idx, int from, int to, long[] start, long[] dur) {
        int[] buf = new int[to - from];
        for (int width = 1; width < to - from; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                int i = lo;
                int j = mid;
                int k = 0;
                while (i < mid && j < hi) {
                    buf[k++] = compare(idx[i], idx[j], start, dur) <= 0 ? idx[i++] : idx[j++];
                }
                while (i < mid) {
                    buf[k++] = idx[i++];
                }
                while (j < hi) {
                    buf[k++] = idx[j++];
                }
                System.arraycopy(buf, 0, idx, lo, k);
            }
        }
    }
}
