package dev.porthole.trace.view;

import dev.porthole.launcher.HostTimings;
import dev.porthole.trace.io.PortholeTraceReader;
import dev.porthole.trace.io.UnreadableTraceException;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.run.RunTraceLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A run's trace while it happens: Porthole trace-stream lines arrive from any thread ({@link #append}); a
 * background thread turns everything received so far into a {@link Trace} ({@link #build}), with the host's
 * phases from the launcher's {@link HostTimings} on a "host" lane, aligned the way {@link RunTraceLoader} aligns a
 * finished run: the host saw the stream's first line at {@code first_trace_line}, the guest wrote it at the
 * reader's anchor. A host phase still going on (the guest running) is drawn up to now.
 *
 * <p>No JavaFX: the workbench calls {@link #build} off the FX thread and swaps the result in at a pulse.
 */
public final class LiveTrace {
    private record Line(String text, long hostNanos) {
    }

    private final ConcurrentLinkedQueue<Line> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final HostTimings timings;
    private final LongSupplier clock;
    private final String source;

    // owned by the building thread
    private byte[] text = new byte[1 << 14];
    private int length;
    private long firstLineHostNanos = Long.MIN_VALUE;
    private long builtLines;
    private volatile int builtStamps;

    /**
     * @param timings the launcher's stamps for this run, or null when there are none (guest lane only)
     * @param clock   "now" on the timings' clock ({@link System#nanoTime}), for phases still running
     * @param source  what the trace is, for messages ("run 2026-11-26-1")
     */
    public LiveTrace(HostTimings timings, LongSupplier clock, String source) {
        this.timings = timings;
        this.clock = clock;
        this.source = source;
    }

    public LiveTrace(HostTimings timings) {
        this(timings, System::nanoTime, "live run");
    }

    /** One line of the trace stream, as received at {@code hostNanos} ({@link System#nanoTime}). Any thread. */
    public void append(String line, long hostNanos) {
        incoming.add(new Line(line, hostNanos));
        received.incrementAndGet();
    }

    /** Lines appended so far. */
    public long received() {
        return received.get();
    }

    /** Whether lines arrived since the last {@link #build}. */
    public boolean hasNewLines() {
        return received.get() != builtLines;
    }

    /**
     * Whether host stamps were set since the last build (QEMU's exit closes the phases drawn up to "now"; a QMP
     * handshake may even finish after a fast guest exited): one more build shows them.
     */
    public boolean stampsChangedSinceLastBuild() {
        return stampsSet() != builtStamps;
    }

    /** Whether QEMU still runs: host phases may still be open, and its exit is still to come. */
    public boolean stillRunning() {
        return timings != null && timings.spawn().isPresent() && timings.exit().isEmpty();
    }

    /**
     * Everything received so far as one trace. Call from one thread at a time (the workbench's background
     * builder). Before the stream's header arrived, the guest lane is empty and only host phases show.
     */
    public Trace build() {
        builtStamps = stampsSet();
        Line line;
        while ((line = incoming.poll()) != null) {
            if (firstLineHostNanos == Long.MIN_VALUE) {
                firstLineHostNanos = line.hostNanos();
            }
            appendBytes(line.text());
            builtLines++;
        }
        TraceBuilder b = new TraceBuilder();
        b.report().source(source);
        PortholeTraceReader guest = new PortholeTraceReader();
        boolean guestRead = false;
        if (length > 0) {
            try {
                guest.read(new ByteArrayInputStream(text, 0, length), b);
                guestRead = true;
            } catch (UnreadableTraceException e) {
                b.report().note("no guest trace yet (" + e.getMessage() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("reading the live trace from memory failed", e);
            }
        }
        if (timings != null) {
            // The same alignment as a finished run's; a phase still going on (the guest running) is drawn up to now.
            Map<String, Long> stamps = new LinkedHashMap<>();
            for (HostTimings.Stamp stamp : HostTimings.Stamp.values()) {
                timings.get(stamp).ifPresent(ns -> stamps.put(stamp.jsonName(), ns));
            }
            RunTraceLoader.addHostPhases(b, stamps, guestRead ? guest.anchorNs() : Long.MIN_VALUE, guestRead && guest.anchorFromHeader(),
                    firstLineHostNanos, timings.exit().isEmpty() ? OptionalLong.of(clock.getAsLong()) : OptionalLong.empty());
        }
        if (b.eventCount() > 0) {
            b.shiftTimes(-b.minTime());
        }
        return b.finish();
    }

    private void appendBytes(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        int need = length + bytes.length + 1;
        if (need > text.length) {
            text = Arrays.copyOf(text, Math.max(need, text.length * 2));
        }
        System.arraycopy(bytes, 0, text, length, bytes.length);
        length += bytes.length;
        text[length++] = '\n';
    }

    /** How many host stamps are set: a new one (exit, a late QMP handshake) is worth a rebuild. */
    private int stampsSet() {
        if (timings == null) {
            return 0;
        }
        int n = 0;
        for (HostTimings.Stamp stamp : HostTimings.Stamp.values()) {
            n += timings.get(stamp).isPresent() ? 1 : 0;
        }
        return n;
    }
}
