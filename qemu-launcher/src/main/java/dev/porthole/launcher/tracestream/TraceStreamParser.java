package dev.porthole.launcher.tracestream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the Porthole trace stream, version 1, line by line.
 *
 * <pre>
 * stream  := header? (record | comment | blank)*
 * header  := "#porthole-trace" SP version SP "tsc_hz=" digits (SP key "=" value)*   version must be 1
 * record  := phase SP tsc SP name (SP key "=" value)*
 * phase   := "B" | "E" | "i" | "I" | "C"          ("I" is read as "i", like Chrome does)
 * tsc     := decimal digits, an unsigned 64-bit number
 * name    := one or more non-blank characters, no "="
 * key     := one or more non-blank characters except "="; value: zero or more non-blank characters
 * comment := "#" anything                        (any other line starting with '#')
 * </pre>
 * Fields are separated by one or more spaces or tabs; a trailing CR is dropped (CRLF streams). A duplicate key
 * in one record is an error. The header may be preceded by records only in a lenient parse (a guest may emit
 * records before it knows its TSC frequency, see kernel/trace.h: it buffers them instead).
 *
 * <p>An instance keeps the line number and the header, so it can be fed a live stream one line at a time with
 * {@link #accept(String)}; the static methods parse a whole stream. Not thread-safe.
 */
public final class TraceStreamParser {
    private int lineNumber;
    private TraceHeader header;

    /** Parses one line of a live stream. Returns the record, or empty for the header, a comment or a blank line. */
    public Optional<TraceRecord> accept(String line) {
        lineNumber++;
        String text = stripCr(line);
        if (text.isBlank()) {
            return Optional.empty();
        }
        if (text.startsWith("#")) {
            if (text.startsWith(TraceHeader.MAGIC)) {
                TraceHeader parsed = parseHeader(text, lineNumber);
                if (header != null && !header.equals(parsed)) {
                    throw new TraceFormatException(lineNumber, text, "a second header with different values (first was '"
                            + header.toLine() + "'); a stream has one header");
                }
                header = parsed;
            }
            return Optional.empty();
        }
        return Optional.of(parseRecord(text, lineNumber));
    }

    /** The header once {@link #accept(String)} has seen it. */
    public Optional<TraceHeader> header() {
        return Optional.ofNullable(header);
    }

    /** Lines consumed so far. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Parses a whole stream; the first malformed line throws {@link TraceFormatException}. */
    public static TraceStream parse(List<String> lines) {
        return parse(lines, true);
    }

    /** Parses a whole stream; malformed lines are skipped and listed in {@link TraceStream#errors()}. */
    public static TraceStream parseLenient(List<String> lines) {
        return parse(lines, false);
    }

    public static TraceStream parse(Reader reader, boolean strict) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> lines = new ArrayList<>();
        for (String line; (line = buffered.readLine()) != null; ) {
            lines.add(line);
        }
        return parse(lines, strict);
    }

    /** Reads a raw trace stream file such as a run's {@code trace.log} (bytes as the guest sent them, read as ASCII/UTF-8). */
    public static TraceStream parse(Path file, boolean strict) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, strict);
        } catch (java.nio.charset.MalformedInputException e) {
            // a guest wrote non-UTF-8 bytes; read them one byte per char so the bad line is reported, not the whole file
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                return parse(reader, strict);
            }
        }
    }

    private static TraceStream parse(List<String> lines, boolean strict) {
        TraceStreamParser parser = new TraceStreamParser();
        List<TraceRecord> records = new ArrayList<>();
        List<TraceFormatException> errors = new ArrayList<>();
        for (String line : lines) {
            try {
                parser.accept(line).ifPresent(records::add);
            } catch (TraceFormatException e) {
                if (strict) {
                    throw e;
                }
                errors.add(e);
            }
        }
        return new TraceStream(parser.header(), records, errors);
    }

    /** Parses a header line on its own. */
    public static TraceHeader parseHeader(String line) {
        return parseHeader(stripCr(line), 0);
    }

    /** Parses a record line on its own. */
    public static TraceRecord parseRecord(String line) {
        return parseRecord(stripCr(line), 0);
    }

    private static TraceHeader parseHeader(String text, int lineNumber) {
        String[] fields = text.trim().split("[ \t]+");
        if (!fields[0].equals(TraceHeader.MAGIC)) {
            throw new TraceFormatException(lineNumber, text, "a header starts with '" + TraceHeader.MAGIC + " 1 tsc_hz=N'");
        }
        if (fields.length < 3) {
            throw new TraceFormatException(lineNumber, text, "the header needs a version and tsc_hz, as in '"
                    + TraceHeader.MAGIC + " 1 tsc_hz=2600000000'");
        }
        int version;
        try {
            version = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(lineNumber, text, "the version '" + fields[1] + "' is not a number");
        }
        if (version != 1) {
            throw new TraceFormatException(lineNumber, text, "version " + version
                    + " is not supported (this reader knows version 1); update Porthole or make the guest write version 1");
        }
        Map<String, String> args = parseArgs(fields, 2, text, lineNumber);
        String hz = args.get("tsc_hz");
        if (hz == null) {
            throw new TraceFormatException(lineNumber, text, "the header has no tsc_hz=N");
        }
        long tscHz;
        try {
            tscHz = Long.parseLong(hz);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(lineNumber, text, "tsc_hz '" + hz + "' is not a whole number");
        }
        if (tscHz <= 0) {
            throw new TraceFormatException(lineNumber, text, "tsc_hz must be positive, got " + tscHz);
        }
        return new TraceHeader(version, tscHz);
    }

    private static TraceRecord parseRecord(String text, int lineNumber) {
        String[] fields = text.trim().split("[ \t]+");
        if (fields.length < 3) {
            throw new TraceFormatException(lineNumber, text, "a record is '<ph> <tsc> <name> [key=value ...]', this has "
                    + fields.length + " field" + (fields.length == 1 ? "" : "s"));
        }
        String ph = fields[0];
        if (ph.length() != 1 || "BEiIC".indexOf(ph.charAt(0)) < 0) {
            throw new TraceFormatException(lineNumber, text, "unknown phase '" + ph + "' (expected B, E, i or C)");
        }
        char phase = ph.charAt(0) == 'I' ? TraceRecord.INSTANT : ph.charAt(0);
        long tsc;
        try {
            if (!fields[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException();
            }
            tsc = Long.parseUnsignedLong(fields[1]);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(lineNumber, text, "the tsc '" + fields[1] + "' is not an unsigned 64-bit decimal number");
        }
        String name = fields[2];
        if (name.indexOf('=') >= 0) {
            throw new TraceFormatException(lineNumber, text, "the name '" + name + "' contains '=' (is the name missing?)");
        }
        return new TraceRecord(phase, tsc, name, parseArgs(fields, 3, text, lineNumber));
    }

    private static Map<String, String> parseArgs(String[] fields, int from, String text, int lineNumber) {
        if (from >= fields.length) {
            return Map.of();
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = from; i < fields.length; i++) {
            String field = fields[i];
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new TraceFormatException(lineNumber, text, "argument '" + field + "' is not key=value");
            }
            String key = field.substring(0, eq);
            if (args.put(key, field.substring(eq + 1)) != null) {
                throw new TraceFormatException(lineNumber, text, "argument '" + key + "' appears twice");
            }
        }
        return args;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
