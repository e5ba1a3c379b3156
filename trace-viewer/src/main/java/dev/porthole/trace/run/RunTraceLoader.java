package dev.porthole.trace.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.HostTimings;
import dev.porthole.launcher.RunRecord;
import dev.porthole.trace.io.PortholeTraceReader;
import dev.porthole.trace.io.UnikraftLogReader;
import dev.porthole.trace.io.UnreadableTraceException;
import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.model.TrackKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds one trace from a run directory ({@code runs/<id>/}, written by the launcher): the guest's stages from
 * {@code trace.log} (Porthole trace stream v1) and the host's phases from {@code timings.json} (the launcher's
 * {@code HostTimings}: {@code {"nanos": {"spawn": ..., "qmp_ready": ..., "cont": ..., "first_console_byte": ...,
 * "first_trace_line": ..., "exit": ...}}}, host monotonic ns), on one axis.
 *
 * <p>Alignment: the host saw the stream's first line arrive at {@code first_trace_line}; the guest wrote it at
 * the reader's anchor ({@link PortholeTraceReader#anchorNs()}). Host stamps are moved by the difference, then
 * everything so that the earliest event (normally spawn) is at 0. Without a {@code tsc=} in the header the anchor
 * is the first record, and the guest is pulled back if that would put its last record after QEMU's exit.
 *
 * <p>Host track: slices {@code qemu.startup} (spawn to the guest's start: {@code cont}, or the first console byte
 * or trace line when QEMU was not started paused) and {@code guest.running} (to exit), and an instant per stamp.
 */
public final class RunTraceLoader {
    public static final String FORMAT = "Porthole run record (trace.log + timings.json)";
    public static final String TRACE_LOG = RunRecord.TRACE;
    public static final String TIMINGS = RunRecord.TIMINGS;
    public static final String SERIAL_LOG = RunRecord.SERIAL;
    public static final long HOST_PID = 1;
    public static final String HOST_PROCESS = "host";

    private RunTraceLoader() {
    }

    /** Whether {@code dir} looks like a run record. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir) && (Files.exists(dir.resolve(TRACE_LOG)) || Files.exists(dir.resolve(TIMINGS)));
    }

    public static Trace load(Path runDir) throws IOException {
        if (!isRunDirectory(runDir)) {
            throw new NoSuchFileException(runDir.toString(), null,
                    "not a run directory: it has neither " + TRACE_LOG + " nor " + TIMINGS);
        }
        TraceBuilder b = new TraceBuilder();
        b.report().source(runDir.toString());
        PortholeTraceReader guest = new PortholeTraceReader();
        boolean guestRead = false;
        Path log = runDir.resolve(TRACE_LOG);
        if (Files.exists(log)) {
            try (InputStream in = Files.newInputStream(log)) {
                guest.read(in, b);
                guestRead = true;
            } catch (UnreadableTraceException e) {
                b.report().note(TRACE_LOG + " holds no Porthole trace stream (" + e.getMessage()
                        + "); the run has no guest stages from it");
            }
        } else {
            b.report().note("the run has no " + TRACE_LOG + ", so no guest stages from it");
        }
        Map<String, Long> stamps = readStamps(runDir.resolve(TIMINGS), b);
        if (!stamps.isEmpty()) {
            long offset = addHostPhases(b, stamps, guestRead ? guest.anchorNs() : Long.MIN_VALUE, guestRead && guest.anchorFromHeader(),
                    Long.MIN_VALUE, OptionalLong.empty());
            readUnikraftConsole(runDir, b, stamps, offset);
        } else {
            readUnikraftConsole(runDir, b, stamps, 0);
        }
        if (b.eventCount() > 0) {
            b.shiftTimes(-b.minTime());
        }
        b.report().format(FORMAT);
        return b.finish();
    }

    /**
     * Puts the host's phases on {@code b}, moved onto the guest's axis: for a finished run ({@link #load}) and for one
     * still going ({@code LiveTrace}), so the two always agree. Returns the offset added to the host stamps.
     *
     * @param stamps           host monotonic ns by HostTimings' JSON names
     * @param guestAnchorNs    when the guest wrote the stream's first line ({@link PortholeTraceReader#anchorNs()}), or
     *                         MIN_VALUE with no guest trace
     * @param firstLineArrival when the host saw that line, for a live run whose stamps lack first_trace_line yet; else
     *                         MIN_VALUE
     * @param now              for a run still going: a phase whose end has not come yet is drawn up to this
     */
    public static long addHostPhases(TraceBuilder b, Map<String, Long> stamps, long guestAnchorNs, boolean anchorFromHeader,
                                     long firstLineArrival, OptionalLong now) {
        Long firstLine = stamps.get("first_trace_line");
        long arrival = firstLine != null ? firstLine : firstLineArrival;
        Long exit = stamps.get("exit");
        long offset;
        if (guestAnchorNs != Long.MIN_VALUE && arrival != Long.MIN_VALUE) {
            offset = guestAnchorNs - arrival;
            if (!anchorFromHeader) {
                // The header has no tsc=, so the first record stands in for the moment the first line was written.
                // A guest that buffers records until it knows tsc_hz (ours does) wrote that line later than its
                // first record, which puts guest stages late. They cannot be later than QEMU's exit, though.
                if (exit != null && b.maxTime() - offset > exit) {
                    offset = b.maxTime() - exit;
                }
                b.report().note("host and guest aligned on the first trace line's arrival, with the first record "
                        + "standing in for it (the trace header has no tsc=); guest stages may sit late by up to the "
                        + "time the guest buffered records before it streamed them");
            }
        } else {
            offset = -stamps.values().stream().mapToLong(Long::longValue).min().orElse(0);
            if (guestAnchorNs != Long.MIN_VALUE) {
                b.report().note("timings.json has no first_trace_line: host and guest are NOT aligned");
            }
        }
        StringPool s = b.strings();
        int host = b.namedTrack(TrackKind.HOST, HOST_PID, 1, HOST_PROCESS, "qemu");
        int cat = s.intern("host");
        Long openEnd = now.isPresent() ? Long.valueOf(now.getAsLong()) : null;
        // the guest starts at cont when QEMU was started paused, else at the first sign of life
        Long guestStart = stamps.get("cont");
        if (guestStart == null) {
            guestStart = minOf(stamps.get("first_console_byte"), firstLine);
        }
        phase(b, host, stamps.get("spawn"), guestStart != null ? guestStart : openEnd, "qemu.startup", offset, cat);
        phase(b, host, guestStart, exit != null ? exit : openEnd, "guest.running", offset, cat);
        for (HostTimings.Stamp stamp : HostTimings.Stamp.values()) {
            Long t = stamps.get(stamp.jsonName());
            if (t != null) {
                b.instant(host, t + offset, s.intern(stamp.jsonName()), cat, b.argsMark());
            }
        }
        return offset;
    }

    private static Long minOf(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static void phase(TraceBuilder b, int track, Long start, Long end, String name, long offset, int cat) {
        if (start != null && end != null && end >= start) {
            b.slice(track, start + offset, end - start, b.strings().intern(name), cat, b.argsMark());
        }
    }

    /**
     * A Unikraft image's console (serial.log) holds its own boot messages, stamped with guest time since its clock
     * started. They go on lanes per library, with guest time 0 put at the first console byte's arrival: the
     * best anchor a console offers (the firmware's output before it makes Unikraft's 0 a little earlier).
     */
    private static void readUnikraftConsole(Path runDir, TraceBuilder b, Map<String, Long> stamps, long hostOffset)
            throws IOException {
        Path serial = runDir.resolve(SERIAL_LOG);
        if (!Files.isRegularFile(serial)) {
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(serial)) {
            head = in.readNBytes(8192);
        }
        if (!UnikraftLogReader.looksLikeUnikraft(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            return;
        }
        Long firstByte = stamps.get("first_console_byte");
        long zero = firstByte != null ? firstByte + hostOffset : 0;
        try (InputStream in = Files.newInputStream(serial)) {
            new UnikraftLogReader(zero).read(in, b);
        } catch (UnreadableTraceException e) {
            b.report().note(SERIAL_LOG + " looked like a Unikraft console but was not readable: " + e.getMessage());
        }
        if (firstByte == null) {
            b.report().note("timings.json has no first_console_byte: the Unikraft console is NOT aligned with the host");
        }
    }

    /** The stamps of timings.json: HostTimings' {@code nanos} object, or top-level {@code <stamp>_ns} keys. */
    static Map<String, Long> readStamps(Path timings, TraceBuilder b) throws IOException {
        Map<String, Long> stamps = new LinkedHashMap<>();
        if (!Files.exists(timings)) {
            b.report().note("the run has no " + TIMINGS + "; showing guest stages only");
            return stamps;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(timings.toFile());
        } catch (IOException e) {
            b.report().note(TIMINGS + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return stamps;
        }
        JsonNode nanos = root != null && root.path("nanos").isObject() ? root.get("nanos") : root;
        if (nanos == null) {
            return stamps;
        }
        for (HostTimings.Stamp s : HostTimings.Stamp.values()) {
            String stamp = s.jsonName();
            JsonNode v = nanos.has(stamp) ? nanos.get(stamp) : nanos.get(stamp + "_ns");
            if (v != null && v.canConvertToLong()) {
                stamps.put(stamp, v.asLong());
            }
        }
        return stamps;
    }
}
