package dev.porthole.trace.io;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceTooLargeException;
import java.nio.file.Path;

/** Child-JVM entry point for {@link MemoryLimitTest}: loads one file, says what happened. */
public final class SmallHeapLoad {
    private SmallHeapLoad() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Trace trace = TraceFiles.load(Path.of(args[0]));
            System.out.println("loaded " + trace.eventCount());
        } catch (TraceTooLargeException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
