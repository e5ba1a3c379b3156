package dev.porthole.app.session;

import java.time.Duration;

/**
 * How a build went, for the workflow: success, how long, how many errors. {@code skipped} means the image was newer
 * than every source, so nothing ran. The diagnostics themselves live in the Problems view.
 */
public record BuildOutcome(boolean success, boolean skipped, Duration elapsed, long errors, String summary) {
    public static BuildOutcome skipped(String why) {
        return new BuildOutcome(true, true, Duration.ZERO, 0, why);
    }
}
