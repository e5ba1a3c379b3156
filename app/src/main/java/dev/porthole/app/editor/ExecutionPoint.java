package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the debugged guest is stopped, in source terms: the app sets it from the debugger's stop event and
 * clears it when the guest runs again.
 *
 * @param file absolute, normalized path of the source file
 * @param line 1-based line number
 */
public record ExecutionPoint(Path file, int line) {
    public ExecutionPoint {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("execution point line must be 1 or more, got " + line + " for " + file);
        }
        file = file.toAbsolutePath().normalize();
    }
}
