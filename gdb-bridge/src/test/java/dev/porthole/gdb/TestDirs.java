package dev.porthole.gdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary run-record folders for tests that boot guests. Deleted best-effort: the launcher may still be finishing a
 * run record's last file when a test ends, and a leftover folder in /tmp must not fail a test about debugging.
 */
public final class TestDirs {
    private TestDirs() {
    }

    public static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // retried below
            }
            if (!Files.exists(dir)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
