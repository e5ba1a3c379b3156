package dev.porthole.trace.run;

import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens what a user points at: a run directory (host + guest on one axis) or a trace file of any format. */
public final class TraceSources {
    private TraceSources() {
    }

    public static Trace open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (RunTraceLoader.isRunDirectory(path)) {
                return RunTraceLoader.load(path);
            }
            Path traceJson = path.resolve("trace.json");
            if (Files.isRegularFile(traceJson)) {
                return TraceFiles.load(traceJson);
            }
            throw new NoSuchFileException(path.toString(), null, "a directory without trace.log, timings.json or "
                    + "trace.json: give a run directory (runs/<id>/) or a trace file");
        }
        return TraceFiles.load(path);
    }
}
