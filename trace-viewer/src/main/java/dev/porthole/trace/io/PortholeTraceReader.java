package dev.porthole.trace.io;

import dev.porthole.launcher.tracestream.TraceFormatException;
import dev.porthole.launcher.tracestream.TraceHeader;
import dev.porthole.launcher.tracestream.TraceRecord;
import dev.porthole.launcher.tracestream.TraceStreamParser;
import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.model.TrackKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Porthole trace stream v1 (the kernel's, on isa-debugcon): {@code #porthole-trace 1 tsc_hz=N}, then
 * {@code <ph> <tsc> <name> [k=v ...]} lines, parsed by the launcher's {@link TraceStreamParser}. TSC values
 * become nanoseconds with the header's {@code tsc_hz}: the guest axis is "time since the TSC was 0".
 *
 * <p>B/E stages land on the guest CPU track, nested; {@code i} records are instants there; {@code C} records
 * are samples on a counter track per name. Values that look like integers become numeric arguments.
 * A malformed line is skipped and counted, an E whose name is not the innermost open stage is dropped and
 * counted, a B never ended (a crashed guest) is closed at the trace's end.
 *
 * <p>For alignment with the host ({@code RunTraceLoader}) the reader remembers the anchor: the TSC at which the
 * stream's first line was written. The header may carry it as {@code tsc=N}; without it the first record is
 * taken, which is early by however long the guest buffered records before it knew {@code tsc_hz}.
 */
public final class PortholeTraceReader implements TraceReader {
    public static final String FORMAT = "Porthole trace stream v1";
    public static final long GUEST_PID = 2;
    public static final String GUEST_PROCESS = "guest";

    private long anchorNs = Long.MIN_VALUE;
    private boolean anchorFromHeader;
    private long tscHz;

    @Override
    public String formatName() {
        return FORMAT;
    }

    /** Guest time (ns) at which the first stream line was written; valid after {@link #read}. */
    public long anchorNs() {
        return anchorNs;
    }

    /** Whether the anchor came from the header's {@code tsc=} (exact) or the first record (approximate). */
    public boolean anchorFromHeader() {
        return anchorFromHeader;
    }

    public long tscHz() {
        return tscHz;
    }

    @Override
    public void read(InputStream in, TraceBuilder b) throws IOException {
        b.report().format(FORMAT);
        StringPool strings = b.strings();
        TraceStreamParser parser = new TraceStreamParser();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        int guest = b.namedTrack(TrackKind.GUEST_CPU, GUEST_PID, 1, GUEST_PROCESS, "cpu0");
        List<TraceRecord> beforeHeader = new ArrayList<>();
        long headerTsc = -1;
        String line;
        while ((line = lines.readLine()) != null) {
            TraceRecord record;
            try {
                record = parser.accept(line).orElse(null);
            } catch (TraceFormatException e) {
                if (parser.lineNumber() == 1 && !line.startsWith(TraceHeader.MAGIC)) {
                    throw new UnreadableTraceException("not a trace I can read as " + FORMAT + ": " + e.getMessage());
                }
                b.report().countMalformed("line " + e.lineNumber() + ": " + e.getMessage());
                continue;
            }
            if (record == null) {
                if (line.startsWith(TraceHeader.MAGIC) && headerTsc < 0) {
                    headerTsc = headerTsc(line);
                }
                continue;
            }
            if (parser.header().isEmpty()) {
                beforeHeader.add(record); // a guest may write records before it knows tsc_hz
                if (beforeHeader.size() > 100_000) {
                    break;
                }
                continue;
            }
            if (tscHz == 0) {
                tscHz = parser.header().get().tscHz();
                fixAnchor(headerTsc, beforeHeader.isEmpty() ? record : beforeHeader.get(0));
                for (TraceRecord early : beforeHeader) {
                    add(early, b, strings, guest);
                }
                beforeHeader.clear();
            }
            add(record, b, strings, guest);
        }
        if (parser.header().isEmpty()) {
            throw new UnreadableTraceException("not a trace I can read as " + FORMAT + ": no '#porthole-trace 1 tsc_hz=N'"
                    + " header" + (parser.lineNumber() == 0 ? " (the input is empty)" : " in " + parser.lineNumber()
                    + " lines") + "; without tsc_hz the TSC values cannot become time");
        }
        if (tscHz == 0) {
            tscHz = parser.header().get().tscHz();
            if (!beforeHeader.isEmpty()) {
                fixAnchor(headerTsc, beforeHeader.get(0));
            }
            for (TraceRecord early : beforeHeader) {
                add(early, b, strings, guest);
            }
        }
    }

    private void fixAnchor(long headerTsc, TraceRecord first) {
        anchorFromHeader = headerTsc >= 0;
        anchorNs = tscToNs(anchorFromHeader ? headerTsc : first.tsc());
    }

    /** The optional {@code tsc=N} of a header line, or -1. */
    private static long headerTsc(String line) {
        for (String field : line.trim().split("[ \t]+")) {
            if (field.startsWith("tsc=")) {
                try {
                    return Long.parseUnsignedLong(field.substring(4));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void add(TraceRecord r, TraceBuilder b, StringPool strings, int guest) {
        long ns = tscToNs(r.tsc());
        int nameId = strings.intern(r.name());
        int mark = b.argsMark();
        for (Map.Entry<String, String> arg : r.args().entrySet()) {
            int key = strings.intern(arg.getKey());
            String value = arg.getValue();
            long number = parseLong(value);
            if (number != Long.MIN_VALUE) {
                b.addArgLong(key, number);
            } else {
                b.addArgString(key, strings.intern(value));
            }
        }
        switch (r.phase()) {
            case TraceRecord.BEGIN -> b.begin(guest, ns, nameId, 0, mark);
            case TraceRecord.END -> {
                b.discardArgs(mark);
                int open = b.openSliceName(guest);
                if (open == nameId || open < 0) {
                    b.end(guest, ns); // counts the unmatched end when nothing is open
                } else {
                    b.report().countUnmatchedEnd();
                }
            }
            case TraceRecord.COUNTER -> b.counter(b.counterTrack(GUEST_PID, r.name()), ns, nameId, 0, mark);
            default -> b.instant(guest, ns, nameId, 0, mark);
        }
    }

    /** TSC cycles to ns without overflow for any TSC below 2^63 and tsc_hz up to ~9 GHz. */
    long tscToNs(long tsc) {
        if (tsc < 0) {
            tsc = Long.MAX_VALUE; // an unsigned value beyond 2^63: clamp rather than wrap into the past
        }
        long seconds = tsc / tscHz;
        long rest = tsc % tscHz;
        long restNs = tscHz <= 9_000_000_000L ? rest * 1_000_000_000L / tscHz : (long) (rest * (1e9 / tscHz));
        long wholeNs = seconds > Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE / 2 : seconds * 1_000_000_000L;
        return wholeNs + restNs;
    }

    private static long parseLong(String s) {
        if (s.isEmpty() || s.length() > 18 || (s.length() > 1 && s.charAt(0) == '0')) { // keep "007" a string
            return Long.MIN_VALUE;
        }
        int i = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0;
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Long.MIN_VALUE;
            }
        }
        return Long.parseLong(s);
    }
}
