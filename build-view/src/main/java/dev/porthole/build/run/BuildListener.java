package dev.porthole.build.run;

import dev.porthole.build.diag.Diagnostic;
import java.time.Duration;

/**
 * What a running build reports, called on the build's output thread, in order. A view hops to its UI
 * thread itself.
 */
public interface BuildListener {
    /** One line of output (stdout and stderr merged, in the order the build wrote them). */
    default void line(String text, Duration elapsed) {
    }

    /** A diagnostic, as soon as it is complete (when the next one starts or the output ends). */
    default void diagnostic(Diagnostic diagnostic) {
    }

    /** The end, once. */
    default void finished(BuildResult result) {
    }

    BuildListener NONE = new BuildListener() { };
}
