package dev.porthole.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.kernel.SampleKernel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Shared test setup: the real sample kernel under real QEMU TCG, run records under target/. */
final class Guests {
    static final Path RUNS = Path.of("target", "test-runs");
    static final QemuLauncher LAUNCHER = new QemuLauncher(new AccelProbe(Path.of("target", "accel-cache.json")));
    /** A guest that keeps computing for minutes under TCG (about 10 s per 10^8 rounds here). */
    static final String LOOPING = "app=compute count=100000000000";
    static final Duration WAIT = Duration.ofSeconds(60);

    private Guests() {
    }

    static LaunchSpec.Builder kernel(String append) {
        return LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG).append(append).runsRoot(RUNS).timeout(Duration.ofSeconds(60));
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
