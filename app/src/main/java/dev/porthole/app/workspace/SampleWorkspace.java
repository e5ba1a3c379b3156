package dev.porthole.app.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The sample kernel's workspace, {@code kernel/} of the source tree, which {@code ./porthole} opens by default. */
public final class SampleWorkspace {
    private SampleWorkspace() {
    }

    /** {@code kernel/} under the Porthole source tree ({@code -Dporthole.root}, else above the working directory). */
    public static Optional<Path> folder() {
        Path start = Optional.ofNullable(System.getProperty("porthole.root")).map(Path::of).orElse(Path.of("").toAbsolutePath());
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path kernel = dir.resolve("kernel");
            if (Files.isRegularFile(kernel.resolve("Makefile")) && Files.isRegularFile(kernel.resolve(WorkspaceStore.FILE_NAME))) {
                return Optional.of(kernel);
            }
        }
        return Optional.empty();
    }
}
