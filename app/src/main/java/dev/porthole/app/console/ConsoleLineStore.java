package dev.porthole.app.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The retained console lines, compact and bounded: at most {@code maxLines} lines and about
 * {@code maxTextBytes} bytes of text; appending beyond either drops the oldest lines.
 *
 * <p>Lines are numbered by a sequence number that grows forever (never reused, not even after
 * {@link #clear()}), so a position remembered by sequence number stays valid while old lines drop.
 * Storage is a ring of chunks of {@value #CHUNK_LINES} lines; a chunk keeps its lines' text as
 * UTF-8 in one byte array, plus primitive columns for the host time, the level and the library id.
 * A line therefore costs its text plus about 20 bytes, not a String, an object and a list slot.
 * Colour runs are stored only for the lines that have colours. A full chunk's text is then
 * deflated (console text packs 4-8x), so a million typical lines take tens of MB; reading a line of a
 * packed chunk inflates that chunk into a small cache of recently read chunks.
 *
 * <p>Threads: the owner ({@link ConsoleEngine}) guards it with its lock, except that its single
 * writer thread may read without the lock and packs full chunks outside the lock
 * ({@link #packFullChunks(Object)}). The inflate cache has its own lock.
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
    private final List<LineChunk> fullUnpacked = new ArrayList<>(2);
    private final InflatedChunks inflated = new InflatedChunks(8);

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
                fullUnpacked.add(tail);
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
        int index = (int) (seq - c.firstSeq);
        byte[] bytes = c.text != null ? c.text : inflated.get(c);
        return new String(bytes, c.textStart[index], c.textLength(index), StandardCharsets.UTF_8);
    }

    /** True when a chunk has filled up and waits to be packed. */
    boolean hasFullChunksToPack() {
        return !fullUnpacked.isEmpty();
    }

    /**
     * Deflates the text of chunks that filled up. Called by the writer thread outside {@code lock};
     * the deflating runs unlocked and only the swap of the arrays takes {@code lock}, so readers on
     * other threads never wait for the compression.
     */
    void packFullChunks(Object lock) {
        for (LineChunk chunk : fullUnpacked) {
            byte[] packed = deflate(chunk.text, chunk.textStart[chunk.size()]);
            synchronized (lock) {
                chunk.packed = packed;
                chunk.text = null;
            }
        }
        fullUnpacked.clear();
    }

    private static byte[] deflate(byte[] text, int length) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(text, 0, length);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 4));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            byte[] text = new byte[length];
            int done = 0;
            while (done < length) {
                int n = inflater.inflate(text, done, length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                done += n;
            }
            if (done != length) {
                throw new IllegalStateException("A packed console chunk inflated to " + done + " bytes instead of " + length
                        + "; the store is corrupt (a bug): clear the console");
            }
            return text;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A packed console chunk does not inflate (a bug): " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The inflated text of the few chunks read last (a viewport touches one or two; a scan reads them in order). */
    private static final class InflatedChunks {
        private final int capacity;
        private final LinkedHashMap<LineChunk, byte[]> recent;

        InflatedChunks(int capacity) {
            this.capacity = capacity;
            this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true);
        }

        synchronized byte[] get(LineChunk chunk) {
            byte[] text = recent.get(chunk);
            if (text == null) {
                text = inflate(chunk.packed, chunk.textStart[chunk.size()]);
                recent.put(chunk, text);
                if (recent.size() > capacity) {
                    recent.remove(recent.keySet().iterator().next());
                }
            }
            return text;
        }

        synchronized void clear() {
            recent.clear();
        }
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
        fullUnpacked.clear();
        inflated.clear();
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
        /** UTF-8 text of the lines while the chunk fills; null once packed. */
        private byte[] text = new byte[INITIAL_TEXT_BYTES];
        /** The deflated text of a full chunk. */
        private byte[] packed;
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
