package dev.porthole.trace.io;

import dev.porthole.trace.model.TraceBuilder;
import java.io.IOException;
import java.io.InputStream;

/** Reads one trace format into a {@link TraceBuilder}, streaming: never the whole input as a tree. */
public interface TraceReader {
    /** How the format is called in messages: "Chrome Trace Event JSON". */
    String formatName();

    /**
     * Reads {@code in} to its end. Damage after a readable start (a cut, an unknown phase, an unmatched end)
     * is repaired or skipped and counted in {@link TraceBuilder#report()}; input that does not start as this
     * format at all is an {@link UnreadableTraceException}.
     */
    void read(InputStream in, TraceBuilder builder) throws IOException;
}
