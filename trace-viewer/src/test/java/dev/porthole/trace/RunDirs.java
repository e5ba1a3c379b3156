package dev.porthole.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run directories laid out as the launcher's RunRecord writes them. */
public final class RunDirs {
    private RunDirs() {
    }

    /**
     * A run with a captured kernel trace stream and host timings in HostTimings.toJson()'s shape. Host stamps are
     * ms after a spawn at an arbitrary monotonic 5 s.
     */
    public static Path make(Path dir, String traceResource, double qmpMs, double contMs, double firstByteMs,
                            double firstTraceMs, double exitMs) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("trace.log"), Fixtures.resource(traceResource));
        long spawn = 5_000_000_000L;
        String json = String.format("""
                {"clock":"System.nanoTime (monotonic, ns)","nanos":{"spawn":%d,"qmp_ready":%d,"cont":%d,\
                "first_console_byte":%d,"first_trace_line":%d,"exit":%d},"ms_since_spawn":{}}
                """, spawn, spawn + (long) (qmpMs * 1e6), spawn + (long) (contMs * 1e6), spawn + (long) (firstByteMs * 1e6),
                spawn + (long) (firstTraceMs * 1e6), spawn + (long) (exitMs * 1e6));
        Files.writeString(dir.resolve("timings.json"), json);
        return dir;
    }
}
