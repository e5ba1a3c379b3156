package dev.porthole.launcher.tracestream;

/**
 * One B/E pair of the trace stream, in microseconds from the stream's first record.
 *
 * @param name       the record name, e.g. {@code boot.paging}
 * @param depth      0 for a top-level phase, 1 for a phase inside it, ...
 * @param parent     the enclosing phase's name, or null at the top level
 * @param startUs    when the B record was made, µs after the first record of the stream
 * @param durationUs from B to E; for a phase never ended, to the last record of the stream
 * @param closed     false when the stream ended (guest crashed or was cut) before the phase's E record
 */
public record GuestPhase(String name, int depth, String parent, double startUs, double durationUs, boolean closed) {
    public boolean topLevel() {
        return depth == 0;
    }
}
