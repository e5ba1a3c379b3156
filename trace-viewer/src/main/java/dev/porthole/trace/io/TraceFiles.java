package dev.porthole.trace.io;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.model.TraceTooLargeException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens any trace file: detects gzip by its magic bytes (so {@code .json.gz} is read directly) and the format
 * by the first bytes, checks the file can fit in memory, and reads it with the matching {@link TraceReader}.
 */
public final class TraceFiles {
    /** Bytes of the smallest sensible Chrome X event; a file of N bytes holds at most N / this many events. */
    private static final long MIN_BYTES_PER_EVENT = 60;
    /** Bytes a loaded event keeps, at least (columns + index). */
    private static final long RETAINED_BYTES_PER_EVENT = 35;
    /** Gzip shrinks traces roughly tenfold; used only for the early estimate. */
    private static final long GZIP_RATIO = 10;
    private static final int SNIFF_BYTES = 8192;
    static final String TRIED = ChromeTraceReader.FORMAT + " (starts with [ or {), " + PortholeTraceReader.FORMAT
            + " (starts with #porthole-trace), " + UnikraftLogReader.FORMAT + " ([sec.usec] LEVEL: [lib] <file @ line> lines)";

    private TraceFiles() {
    }

    /** Reads {@code file} in whichever format it is. */
    public static Trace load(Path file) throws IOException {
        return load(file, Long.MAX_VALUE);
    }

    /** Reads {@code file}, refusing more than {@code maxEvents} events. */
    public static Trace load(Path file, long maxEvents) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such trace file (expected a Chrome JSON, "
                    + ".json.gz, Porthole trace.log or Unikraft console log)");
        }
        checkFitsInMemory(file, Files.size(file), isGzip(file));
        try (InputStream in = Files.newInputStream(file)) {
            TraceBuilder builder = new TraceBuilder().maxEvents(maxEvents);
            builder.report().source(file.toString());
            return read(in, builder, file.toString());
        }
    }

    /** Reads a trace from bytes (tests, fuzzing); {@code name} is used in messages. */
    public static Trace load(byte[] bytes, String name) throws IOException {
        TraceBuilder builder = new TraceBuilder();
        builder.report().source(name);
        return read(new ByteArrayInputStream(bytes), builder, name);
    }

    /** Detects gzip and the format of {@code raw}, reads it into {@code builder}, and finishes the trace. */
    public static Trace read(InputStream raw, TraceBuilder builder, String name) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        TraceReader reader = detect(in, name);
        try {
            reader.read(in, builder);
            return builder.finish();
        } catch (UnreadableTraceException e) {
            throw new UnreadableTraceException(name + ": " + e.getMessage()); // which file, then why
        } catch (OutOfMemoryError e) {
            // Last line of defence: the builder checks the heap before each growth, but strings and arguments grow
            // between checks. Dropping the builder here frees what it held, so the JVM can go on.
            long events = builder.eventCount();
            builder = null;
            throw new TraceTooLargeException(String.format("refused to load %s: the heap (-Xmx %,d MB) ran out after "
                    + "%,d events; run with a larger -Xmx or load a shorter trace", name,
                    Runtime.getRuntime().maxMemory() >> 20, events));
        }
    }

    /** The reader for the stream's first bytes; the stream is left at its start. */
    public static TraceReader detect(InputStream in, String name) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        if (i < head.length && (head[i] == '[' || head[i] == '{')) {
            return new ChromeTraceReader();
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("#porthole-trace", i) || looksLikePortholeRecords(text)) {
            return new PortholeTraceReader();
        }
        if (UnikraftLogReader.looksLikeUnikraft(text)) {
            return new UnikraftLogReader();
        }
        throw new UnreadableTraceException("not a trace I can read: " + name + " ("
                + (head.length == 0 ? "it is empty" : "it starts with '" + printable(text.substring(i)) + "'")
                + "); tried " + TRIED);
    }

    /** A stream whose header comes late: the first line already looks like {@code B 123 name}. */
    private static boolean looksLikePortholeRecords(String text) {
        return text.lines().findFirst().map(l -> l.matches("[BEiIC] \\d+ \\S+.*") && text.contains("#porthole-trace"))
                .orElse(false);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length() && out.length() < 40; k++) {
            char c = text.charAt(k);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Refuses a file that cannot fit even at the smallest size per event, before reading a byte of it;
     * {@link TraceBuilder} keeps checking while it grows, for what this estimate cannot know.
     */
    static void checkFitsInMemory(Path file, long bytes, boolean gzip) {
        long uncompressed = gzip ? bytes * GZIP_RATIO : bytes;
        long maxEvents = uncompressed / MIN_BYTES_PER_EVENT;
        long leastNeeded = maxEvents / 4 * RETAINED_BYTES_PER_EVENT; // assume 4x fatter events than the minimum
        long heap = Runtime.getRuntime().maxMemory();
        if (leastNeeded > heap) {
            throw new TraceTooLargeException(String.format("refused to load %s: a %,d MB%s trace needs at least about "
                            + "%,d MB in memory, but this JVM may use only %,d MB (-Xmx); run with a larger -Xmx, "
                            + "or cut the trace into shorter pieces",
                    file, bytes >> 20, gzip ? " compressed" : "", leastNeeded >> 20, heap >> 20));
        }
    }
}
