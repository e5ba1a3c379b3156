package dev.porthole.build.run;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a build ended.
 *
 * @param exitCode    the command's exit status; -1 when it never started or was cancelled
 * @param image       the image the workspace names, when it exists after a successful build
 * @param debugImage  its debug twin, likewise
 * @param message     one line for the user: what happened and, on failure, what to do
 */
public record BuildResult(Status status, int exitCode, Duration elapsed, List<Diagnostic> diagnostics, Optional<Path> image,
                          Optional<Path> debugImage, String message) {
    public enum Status { SUCCEEDED, FAILED, CANCELLED }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
