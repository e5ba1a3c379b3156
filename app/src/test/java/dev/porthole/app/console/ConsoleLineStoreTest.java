package dev.porthole.app.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConsoleLineStoreTest {

    @Test
    void appendingBeyondCapacityDropsTheOldestAndCountsThem() {
        ConsoleLineStore store = new ConsoleLineStore(10_000, Long.MAX_VALUE);
        for (int i = 0; i < 25_000; i++) {
            store.add(i, "line " + i, null, i % 2 == 0 ? LogLevel.INFO : LogLevel.ERROR, 0);
        }

        assertEquals(10_000, store.size());
        assertEquals(15_000, store.droppedLines());
        assertEquals(15_000, store.firstSeq());
        assertEquals("line 15000", store.text(15_000));
        assertEquals("line 24999", store.text(24_999));
        assertEquals(5_000, store.levelCount(LogLevel.ERROR));
        assertThrows(IndexOutOfBoundsException.class, () -> store.text(14_999));
    }

    @Test
    void theTextBudgetBoundsMemoryToo() {
        ConsoleLineStore store = new ConsoleLineStore(1_000_000, 1000);
        for (int i = 0; i < 500; i++) {
            store.add(i, "0123456789", null, LogLevel.OUTPUT, 0);
        }

        assertEquals(100, store.size());
        assertEquals(1000, store.retainedTextBytes());
        assertEquals(400, store.droppedLines());
    }

    @Test
    void linesKeepTheirTimeLevelLibraryColoursAndNonAsciiText() {
        ConsoleLineStore store = new ConsoleLineStore(100, 1 << 20);
        long seq = store.add(42, "Grüße \u2713", new int[] {0, 5, 7}, LogLevel.WARNING, 3);

        assertEquals("Grüße \u2713", store.text(seq));
        assertEquals(42, store.hostNanos(seq));
        assertEquals(LogLevel.WARNING, store.level(seq));
        assertEquals(3, store.library(seq));
        assertArrayEquals(new int[] {0, 5, 7}, store.styleRuns(seq));
    }

    @Test
    void fullChunksArePackedAndEveryLineReadsBackExactly() {
        ConsoleLineStore store = new ConsoleLineStore(100_000, Long.MAX_VALUE);
        Object lock = new Object();
        int lines = 3 * ConsoleLineStore.CHUNK_LINES + 17;
        for (int i = 0; i < lines; i++) {
            store.add(i, "[    0.%06d] Info: [libukboot] <boot.c @  %d> Grüße %d".formatted(i, i % 500, i), null, LogLevel.INFO, 1);
            if (store.hasFullChunksToPack()) {
                store.packFullChunks(lock);
            }
        }

        for (int i = lines - 1; i >= 0; i -= 7) { // backwards and scattered: chunks leave and re-enter the cache
            assertEquals("[    0.%06d] Info: [libukboot] <boot.c @  %d> Grüße %d".formatted(i, i % 500, i), store.text(i));
        }
        assertEquals(lines, store.size());
    }

    @Test
    void clearKeepsCountingSequenceNumbers() {
        ConsoleLineStore store = new ConsoleLineStore(100, 1 << 20);
        store.add(1, "a", null, LogLevel.OUTPUT, 0);
        store.add(2, "b", null, LogLevel.OUTPUT, 0);
        store.clear();
        long seq = store.add(3, "c", null, LogLevel.OUTPUT, 0);

        assertEquals(2, seq);
        assertEquals(1, store.size());
        assertEquals("c", store.text(seq));
    }
}
