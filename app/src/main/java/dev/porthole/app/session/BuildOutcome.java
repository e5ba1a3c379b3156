package dev.porthole.app.session;

import java.time.Duration;
import java.util.List;

/**
 * How a build went, for the window: success, how long, and its diagnostics as {@code file:line:col: severity: message}
 * records. {@code skipped} means the image was newer than every source, so nothing ran.
 */
public record BuildOutcome(boolean success, boolean skipped, Duration elapsed, List<Problem> problems, String summary) {
    /** One diagnostic, with the file resolved against the build's folder. */
    public record Problem(java.nio.file.Path file, int line, int column, String severity, String message) {
        public boolean isError() {
            return severity.equals("error") || severity.equals("fatal error");
        }
    }

    public static BuildOutcome skipped(String why) {
        return new BuildOutcome(true, true, Duration.ZERO, List.of(), why);
    }
}
