package dev.porthole.app.debug.view;

import dev.porthole.gdb.Frame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a frame's source file is on this machine. The one rule for every place that opens a frame's source (the
 * stop marker in the editor, the Call Stack), so they never disagree about whether a file exists: gdb's absolute
 * {@code fullname} when that file exists, else the debug info's file name resolved against the workspace root
 * (where the workspace's build ran, so where its relative names start).
 */
public final class FrameSourceResolver {
    private final Supplier<Optional<Path>> workspaceRoot;

    /** {@code workspaceRoot}: the open workspace's folder, asked at each lookup (the user may open another). */
    public FrameSourceResolver(Supplier<Optional<Path>> workspaceRoot) {
        this.workspaceRoot = Objects.requireNonNull(workspaceRoot, "workspaceRoot");
    }

    /** The existing source file of {@code frame}, or empty when it has none on this machine. */
    public Optional<Path> sourceFileOf(Frame frame) {
        Optional<Path> full = frame.fullPath().map(Path::of).filter(Files::isRegularFile);
        if (full.isPresent()) {
            return full;
        }
        return frame.file().flatMap(name -> workspaceRoot.get().map(root -> root.resolve(name).normalize()))
                .filter(Files::isRegularFile);
    }
}
