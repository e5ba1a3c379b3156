package dev.porthole.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When things happened on the host, all on one monotonic clock ({@link System#nanoTime()}), so host phases and the
 * guest's trace can share an axis. Each stamp is set once, the first time it happens; unset stamps are empty.
 * Thread-safe.
 */
public final class HostTimings {
    /** The stamps, in the order a run makes them. */
    public enum Stamp {
        SPAWN("spawn"), QMP_READY("qmp_ready"), CONT("cont"), FIRST_CONSOLE_BYTE("first_console_byte"),
        FIRST_TRACE_LINE("first_trace_line"), EXIT("exit");

        private final String jsonName;

        Stamp(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    private static final long UNSET = Long.MIN_VALUE;
    private final AtomicLongArray nanos = new AtomicLongArray(Stamp.values().length);
    private volatile Runnable onChange = () -> { };

    public HostTimings() {
        for (int i = 0; i < nanos.length(); i++) {
            nanos.set(i, UNSET);
        }
    }

    /** Sets the stamp to {@code nanoTime} unless it is already set; returns whether this call set it. */
    public boolean stamp(Stamp stamp, long nanoTime) {
        boolean set = nanos.compareAndSet(stamp.ordinal(), UNSET, nanoTime);
        if (set) {
            onChange.run();
        }
        return set;
    }

    public OptionalLong get(Stamp stamp) {
        long v = nanos.get(stamp.ordinal());
        return v == UNSET ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public OptionalLong spawn() {
        return get(Stamp.SPAWN);
    }

    public OptionalLong qmpReady() {
        return get(Stamp.QMP_READY);
    }

    public OptionalLong cont() {
        return get(Stamp.CONT);
    }

    public OptionalLong firstConsoleByte() {
        return get(Stamp.FIRST_CONSOLE_BYTE);
    }

    public OptionalLong firstTraceLine() {
        return get(Stamp.FIRST_TRACE_LINE);
    }

    public OptionalLong exit() {
        return get(Stamp.EXIT);
    }

    /** Milliseconds from spawn to the stamp, when both are set. */
    public OptionalLong sinceSpawnNanos(Stamp stamp) {
        OptionalLong s = spawn();
        OptionalLong t = get(stamp);
        return s.isPresent() && t.isPresent() ? OptionalLong.of(t.getAsLong() - s.getAsLong()) : OptionalLong.empty();
    }

    /** For the run record: raw nanos and milliseconds since spawn for every stamp that is set. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clock", "System.nanoTime (monotonic, ns)");
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Object> ms = new LinkedHashMap<>();
        for (Stamp s : Stamp.values()) {
            get(s).ifPresent(v -> raw.put(s.jsonName(), v));
            sinceSpawnNanos(s).ifPresent(v -> ms.put(s.jsonName(), v / 1e6));
        }
        json.put("nanos", raw);
        json.put("ms_since_spawn", ms);
        return json;
    }

    void onChange(Runnable onChange) {
        this.onChange = onChange;
    }
}
