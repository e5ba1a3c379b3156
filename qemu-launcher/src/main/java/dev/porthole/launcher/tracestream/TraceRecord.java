package dev.porthole.launcher.tracestream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the Porthole trace stream v1: {@code <ph> <tsc> <name> [key=value ...]}.
 *
 * @param phase a Chrome phase letter: {@code B} begin, {@code E} end, {@code i} instant, {@code C} counter
 * @param tsc   the guest's time stamp counter when the event happened (unsigned; compare with
 *              {@link Long#compareUnsigned} if a guest's TSC could exceed 2^63)
 * @param name  a dotted name such as {@code boot.paging}
 * @param args  the {@code key=value} arguments in the order the guest wrote them (unmodifiable)
 */
public record TraceRecord(char phase, long tsc, String name, Map<String, String> args) {
    public static final char BEGIN = 'B';
    public static final char END = 'E';
    public static final char INSTANT = 'i';
    public static final char COUNTER = 'C';

    public TraceRecord {
        Objects.requireNonNull(name, "name");
        args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public TraceRecord(char phase, long tsc, String name) {
        this(phase, tsc, name, Map.of());
    }

    /** Microseconds from {@code baseTsc} to this record, at {@code tscHz} cycles per second. */
    public double microsSince(long baseTsc, long tscHz) {
        if (tscHz <= 0) {
            throw new IllegalArgumentException("tsc_hz must be positive, got " + tscHz);
        }
        return (tsc - baseTsc) * 1_000_000.0 / tscHz;
    }

    /** The stream line for this record, without the newline: what the guest wrote. */
    public String toLine() {
        StringBuilder line = new StringBuilder().append(phase).append(' ').append(Long.toUnsignedString(tsc)).append(' ').append(name);
        args.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.toString();
    }
}
