package dev.porthole.app.session;

import dev.porthole.app.workspace.Workspace;

/** Builds a workspace's image with its build command; the real one runs build-view's {@code BuildRunner}. */
public interface ImageBuilder {
    BuildOutcome build(Workspace workspace) throws Exception;

    /** Asks a running build to stop; its whole process tree dies. */
    void cancel();
}
