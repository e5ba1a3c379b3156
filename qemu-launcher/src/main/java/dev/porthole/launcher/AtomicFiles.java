package dev.porthole.launcher;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader, or a crash mid-write, sees the old contents or the new, never half of them: the
 * bytes go to a new file beside the target, which is then renamed over it. Every file Porthole rewrites goes through
 * here (run records, the accelerator cache, porthole.json, the recent list, saved sources, trace exports).
 *
 * <p>The new file is a plain one, so it gets the user's umask (not the 0600 of {@code Files.createTempFile}): an
 * export or a porthole.json is meant to be shared. When the target exists, its permissions carry over, so saving a
 * script from the editor keeps it executable.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes a file's contents. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code target} through {@code writer} (given a buffered stream), atomically; makes its folder if needed. */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                writer.writeTo(out);
            }
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException | IOException notPosix) {
                    // Not a POSIX file system, or not ours to read: the new file's default permissions will do.
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
