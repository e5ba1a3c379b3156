package dev.porthole.trace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSortTest {

    private static void checkAgainstBoxedSort(long[] start, long[] dur) {
        int n = start.length;
        int[] idx = IntStream.range(0, n).toArray();
        EventSort.sortByStartThenLongest(idx, 0, n, start, dur);
        Integer[] expected = IntStream.range(0, n).boxed().sorted(Comparator
                .comparingLong((Integer e) -> start[e]).thenComparing((Integer e) -> -dur[e])).toArray(Integer[]::new);
        long[] gotKeys = Arrays.stream(idx).mapToLong(e -> start[e] * 1_000_003 - dur[e]).toArray();
        long[] wantKeys = Arrays.stream(expected).mapToLong(e -> start[e] * 1_000_003 - dur[e]).toArray();
        assertArrayEquals(wantKeys, gotKeys);
    }

    @Test
    void sortsByStartThenLongestFirstOnBothPaths() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(5000);
            long[] start = new long[n];
            long[] dur = new long[n];
            boolean hugeSpan = round % 5 == 0; // too wide to pack with the position: the merge-sort path
            for (int i = 0; i < n; i++) {
                start[i] = hugeSpan ? random.nextLong() / 4 : random.nextInt(n / 2 + 1); // many ties
                dur[i] = random.nextInt(100);
            }
            checkAgainstBoxedSort(start, dur);
        }
    }
}
