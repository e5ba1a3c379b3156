package dev.porthole.launcher;

import java.nio.file.Path;
import java.util.Optional;

/** A guest could not be started. The message says what failed, with what input, and what to do next. */
public final class LaunchException extends Exception {
    private final Path runDir;

    public LaunchException(String message) {
        this(message, null, null);
    }

    public LaunchException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public LaunchException(String message, Path runDir, Throwable cause) {
        super(message, cause);
        this.runDir = runDir;
    }

    /** The run record left behind, when the failure came after the run directory was made. */
    public Optional<Path> runDir() {
        return Optional.ofNullable(runDir);
    }
}
