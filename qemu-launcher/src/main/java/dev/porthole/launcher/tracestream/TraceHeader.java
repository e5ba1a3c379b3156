package dev.porthole.launcher.tracestream;

/**
 * The first line of a Porthole trace stream: {@code #porthole-trace 1 tsc_hz=<cycles per second>}.
 *
 * @param version the stream format version (only 1 exists)
 * @param tscHz   guest TSC cycles per second, used to turn {@link TraceRecord#tsc()} into time
 */
public record TraceHeader(int version, long tscHz) {
    public static final String MAGIC = "#porthole-trace";

    public String toLine() {
        return MAGIC + " " + version + " tsc_hz=" + tscHz;
    }
}
