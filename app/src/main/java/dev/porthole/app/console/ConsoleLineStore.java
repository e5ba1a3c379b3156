package dev.porthole.app.console;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The retained console lines, compact and bounded: at most {@code maxLines} lines and about
 * {@code maxTextBytes} bytes of text; appending beyond either drops the oldest lines.
 *
 * <p>Lines are numbered by a sequence number that grows forever (never reused, not even after
 * {@link #clear()}), so a position remembered by sequence number stays valid while old lines drop.
 * Storage is a ring of chunks of {@value #CHUNK_LINES} lines; a chunk keeps its lines' text as
 * UTF-8 in one byte array, plus primitive columns for the host time, the level and the library id.
 * A line therefore costs its text plus about 20 bytes, not a String, an object and a list slot.
 * Colour runs are stored only for the lines that have colours.
 *
 * <p>Not thread-safe: the owner ({@link ConsoleEngine}) guards it.
 */
final class ConsoleLineStore {
    static final int CHUNK_LINES = 4096;

    private final int maxLines;
    private final long maxTextBytes;
    private final LineChunk[] ring;
    private int head;
    private int chunkCount;
    private long firstSeq;
    private long nextSeq;
    private long retainedBytes;
    private long droppedLines;
    private final long[] levelCounts = new long[LogLevel.count()];

    ConsoleLineStore(int maxLines, long maxTextBytes) {
        if (maxLines < 1 || maxTextBytes < 1) {
            throw new IllegalArgumentException("A console must keep at least one line and one byte; got maxLines="
                    + maxLines + ", maxTextBytes=" + maxTextBytes);
        }
        this.maxLines = maxLines;
        this.maxTextBytes = maxTextBytes;
        this.ring = new LineChunk[(maxLines + CHUNK_LINES - 1) / CHUNK_LINES + 2];
    }

    /** Appends one line; returns its sequence number. May drop the oldest lines to stay in bounds. */
    long add(long hostNanos, String text, int[] styleRuns, LogLevel level, int library) {
        LineChunk tail = chunkCount == 0 ? null : chunk(chunkCount - 1);
        if (tail == null || tail.isFull()) {
            if (tail != null) {
                tail.seal();
            }
            tail = new LineChunk(nextSeq);
            ring[(head + chunkCount) % ring.length] = tail;
            chunkCount++;
        }
        int bytes = tail.add(hostNanos, text, styleRuns, level, library);
        retainedBytes += bytes;
        levelCounts[level.ordinal()]++;
        long seq = nextSeq++;
        dropOldestBeyondLimits();
        return seq;
    }

    private void dropOldestBeyondLimits() {
        while (nextSeq - firstSeq > maxLines || (retainedBytes > maxTextBytes && nextSeq - firstSeq > 1)) {
            LineChunk oldest = chunk(0);
            int index = (int) (firstSeq - oldest.firstSeq);
            retainedBytes -= oldest.textLength(index);
            levelCounts[oldest.level(index)]--;
            firstSeq++;
            droppedLines++;
            if (firstSeq == oldest.firstSeq + oldest.size()) {
                ring[head] = null;
                head = (head + 1) % ring.length;
                chunkCount--;
            }
        }
    }

    private LineChunk chunk(int index) {
        return ring[(head + index) % ring.length];
    }

    private LineChunk chunkOf(long seq) {
        if (seq < firstSeq || seq >= nextSeq) {
            throw new IndexOutOfBoundsException("Console line " + seq + " is not retained (retained: " + firstSeq + ".." + (nextSeq - 1) + ")");
        }
        LineChunk first = chunk(0);
        return chunk((int) ((seq - first.firstSeq) / CHUNK_LINES));
    }

    String text(long seq) {
        LineChunk c = chunkOf(seq);
        return c.text((int) (seq - c.firstSeq));
    }

    long hostNanos(long seq) {
        LineChunk c = chunkOf(seq);
        return c.hostNanos[(int) (seq - c.firstSeq)];
    }

    LogLevel level(long seq) {
        LineChunk c = chunkOf(seq);
        return LogLevel.ofOrdinal(c.level((int) (seq - c.firstSeq)));
    }

    int library(long seq) {
        LineChunk c = chunkOf(seq);
        return c.library[(int) (seq - c.firstSeq)];
    }

    /** The colour runs of a line ({@code (start, end, style)} triples), or null. */
    int[] styleRuns(long seq) {
        LineChunk c = chunkOf(seq);
        return c.styleRuns((int) (seq - c.firstSeq));
    }

    /** The oldest retained line. */
    long firstSeq() {
        return firstSeq;
    }

    /** One past the newest line. */
    long nextSeq() {
        return nextSeq;
    }

    long size() {
        return nextSeq - firstSeq;
    }

    long droppedLines() {
        return droppedLines;
    }

    long retainedTextBytes() {
        return retainedBytes;
    }

    long levelCount(LogLevel level) {
        return levelCounts[level.ordinal()];
    }

    /** Drops every line; sequence numbers go on from where they were. */
    void clear() {
        Arrays.fill(ring, null);
        head = 0;
        chunkCount = 0;
        firstSeq = nextSeq;
        retainedBytes = 0;
        droppedLines = 0;
        Arrays.fill(levelCounts, 0);
    }

    /** Up to {@value ConsoleLineStore#CHUNK_LINES} consecutive lines in primitive columns. */
    private static final class LineChunk {
        private static final int INITIAL_TEXT_BYTES = 16 * 1024;

        final long firstSeq;
        private int size;
        private byte[] text = new byte[INITIAL_TEXT_BYTES];
        private final int[] textStart = new int[CHUNK_LINES + 1];
        final long[] hostNanos = new long[CHUNK_LINES];
        private final byte[] levels = new byte[CHUNK_LINES];
        final short[] library = new short[CHUNK_LINES];
        private int[][] styleRuns; // allocated on the first coloured line

        LineChunk(long firstSeq) {
            this.firstSeq = firstSeq;
        }

        boolean isFull() {
            return size == CHUNK_LINES;
        }

        int size() {
            return size;
        }

        /** Returns the number of text bytes the line took. */
        int add(long nanos, String line, int[] runs, LogLevel level, int libraryId) {
            int start = textStart[size];
            int end = encode(line, start);
            textStart[size + 1] = end;
            hostNanos[size] = nanos;
            levels[size] = (byte) level.ordinal();
            library[size] = (short) libraryId;
            if (runs != null) {
                if (styleRuns == null) {
                    styleRuns = new int[CHUNK_LINES][];
                }
                styleRuns[size] = runs;
            }
            size++;
            return end - start;
        }

        /** Writes {@code line} as UTF-8 at {@code at}; ASCII (the common case) without a temporary array. */
        private int encode(String line, int at) {
            int n = line.length();
            ensureText(at + n);
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (c >= 0x80) {
                    byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
                    ensureText(at + utf8.length);
                    System.arraycopy(utf8, 0, text, at, utf8.length);
                    return at + utf8.length;
                }
                text[at + i] = (byte) c;
            }
            return at + n;
        }

        private void ensureText(int needed) {
            if (needed > text.length) {
                text = Arrays.copyOf(text, Math.max(needed, text.length * 2));
            }
        }

        /** A full chunk gives back its spare text capacity. */
        void seal() {
            if (text.length > textStart[size]) {
                text = Arrays.copyOf(text, textStart[size]);
            }
        }

        String text(int index) {
            return new String(text, textStart[index], textStart[index + 1] - textStart[index], StandardCharsets.UTF_8);
        }

        int textLength(int index) {
            return textStart[index + 1] - textStart[index];
        }

        int level(int index) {
            return levels[index];
        }

        int[] styleRuns(int index) {
            return styleRuns == null ? null : styleRuns[index];
        }
    }
}
