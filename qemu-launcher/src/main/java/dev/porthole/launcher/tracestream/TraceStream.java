package dev.porthole.launcher.tracestream;

import java.util.List;
import java.util.Optional;

/**
 * A whole parsed trace stream.
 *
 * @param header  the {@code #porthole-trace} header, when the stream had one
 * @param records the events in stream order
 * @param errors  malformed lines skipped by a lenient parse (always empty for a strict one)
 */
public record TraceStream(Optional<TraceHeader> header, List<TraceRecord> records, List<TraceFormatException> errors) {
    public TraceStream {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }

    /** The guest's TSC frequency, when the header gave it. */
    public Optional<Long> tscHz() {
        return header.map(TraceHeader::tscHz);
    }

    /** The B/E phases of this stream; needs the header's tsc_hz. */
    public GuestPhases phases() {
        TraceHeader h = header.orElseThrow(() -> new IllegalStateException(
                "the trace stream has no '#porthole-trace 1 tsc_hz=N' header, so TSC values cannot be turned into time"));
        return GuestPhases.fromRecords(records, h.tscHz());
    }
}
