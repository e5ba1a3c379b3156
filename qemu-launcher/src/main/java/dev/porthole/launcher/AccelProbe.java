package dev.porthole.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resolves {@link Accel#AUTO}: KVM only when it works and starts fast. On nested hosts KVM can take seconds to
 * start a trivial guest or fail with "KVM internal error", and TCG is then the better default.
 *
 * <p>The probe boots the sample kernel ({@code app=hello}) under {@code -accel kvm} and {@code -accel tcg}, timed, per host
 * kernel, QEMU binary and machine, and caches the verdict (with its reason) in {@code ~/.cache/porthole/accel.json}
 * ({@code $XDG_CACHE_HOME} respected). A missing or inaccessible {@code /dev/kvm} decides TCG without a probe.
 */
public final class AccelProbe {
    /**
     * KVM is chosen when it boots and exits the probe guest within twice TCG's time or TCG's time plus {@link #SLACK},
     * whichever is larger (on a healthy host KVM's VM setup costs a few ms more than TCG on a tiny guest, and wins on
     * real work); when TCG itself failed, within {@link #FAST_ENOUGH}.
     */
    public static final Duration FAST_ENOUGH = Duration.ofMillis(500);
    public static final Duration SLACK = Duration.ofMillis(60);
    /** The probe is killed after this. */
    public static final Duration PROBE_LIMIT = Duration.ofMillis(2500);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path cacheFile;
    private final Path kvmDevice;

    /** The verdict: the accelerator (never AUTO), why, and whether it came from the cache. */
    public record Verdict(Accel accel, String reason, boolean cached) {
    }

    public AccelProbe(Path cacheFile) {
        this(cacheFile, Path.of("/dev/kvm"));
    }

    AccelProbe(Path cacheFile, Path kvmDevice) {
        this.cacheFile = cacheFile;
        this.kvmDevice = kvmDevice;
    }

    /** The per-user cache: {@code $XDG_CACHE_HOME/porthole/accel.json} or {@code ~/.cache/porthole/accel.json}. */
    public static AccelProbe userDefault() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new AccelProbe(base.resolve("porthole").resolve("accel.json"));
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /**
     * @param requested  TCG and KVM are returned as asked; AUTO is probed or read from the cache
     * @param qemuBinary the resolved QEMU executable
     */
    public synchronized Verdict resolve(Accel requested, Machine machine, Path qemuBinary) {
        if (requested != Accel.AUTO) {
            return new Verdict(requested, requested.qemuName() + " was requested", false);
        }
        if (!Files.exists(kvmDevice)) {
            return new Verdict(Accel.TCG, "auto: " + kvmDevice + " does not exist (no KVM on this host), so TCG", false);
        }
        if (!Files.isReadable(kvmDevice) || !Files.isWritable(kvmDevice)) {
            return new Verdict(Accel.TCG, "auto: no read/write access to " + kvmDevice + " (add the user to group kvm), so TCG", false);
        }
        String key = cacheKey(machine, qemuBinary);
        JsonNode cache = readCache();
        JsonNode hit = cache.path(key);
        if (hit.isObject()) {
            try {
                return new Verdict(Accel.parse(hit.path("accel").asText()), hit.path("reason").asText() + " (cached " + hit.path("probed_at").asText()
                        + " in " + cacheFile + ")", true);
            } catch (IllegalArgumentException stale) {
                // a damaged entry: probe again
            }
        }
        Verdict verdict = probe(machine, qemuBinary);
        ObjectNode updated = cache.isObject() ? (ObjectNode) cache : JSON.createObjectNode();
        ObjectNode entry = updated.putObject(key);
        entry.put("accel", verdict.accel().qemuName());
        entry.put("reason", verdict.reason());
        entry.put("probed_at", Instant.now().toString());
        writeCache(updated);
        return verdict;
    }

    /** One timed boot of the probe guest: wall time in ms, or why it failed. */
    private record Trial(long millis, String failure) {
    }

    private Verdict probe(Machine machine, Path qemuBinary) {
        Path image;
        try {
            image = dev.porthole.kernel.SampleKernel.image();
        } catch (RuntimeException e) {
            return new Verdict(Accel.TCG, "auto: no probe guest (the sample kernel is missing: " + e.getMessage() + "), so TCG", false);
        }
        Trial kvm = trial(Accel.KVM, machine, qemuBinary, image);
        if (kvm.failure() != null) {
            return new Verdict(Accel.TCG, "auto: KVM probe " + kvm.failure() + ", so TCG", false);
        }
        Trial tcg = trial(Accel.TCG, machine, qemuBinary, image);
        long limit = tcg.failure() != null ? FAST_ENOUGH.toMillis() : Math.max(2 * tcg.millis(), tcg.millis() + SLACK.toMillis());
        String measured = "KVM booted and exited the probe guest (sample kernel app=hello, " + machine.qemuName() + ") in " + kvm.millis()
                + " ms, TCG in " + (tcg.failure() != null ? "(failed: " + tcg.failure() + ")" : tcg.millis() + " ms");
        if (kvm.millis() > limit) {
            return new Verdict(Accel.TCG, "auto: " + measured + "; KVM is slower than the limit of " + limit + " ms (nested or slow KVM), so TCG", false);
        }
        return new Verdict(Accel.KVM, "auto: " + measured + "; KVM works and starts fast, so KVM", false);
    }

    private static Trial trial(Accel accel, Machine machine, Path qemuBinary, Path image) {
        List<String> argv = List.of(qemuBinary.toString(), "-M", machine.qemuName(), "-accel", accel.qemuName(), "-nodefaults", "-no-reboot",
                "-display", "none", "-m", "64", "-kernel", image.toString(), "-append", "app=hello",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04");
        long start = System.nanoTime();
        try {
            Process p = ChildProcesses.start(new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))));
            if (!p.waitFor(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
                return new Trial(-1, "did not finish within " + PROBE_LIMIT.toMillis() + " ms");
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            String output = new String(p.getInputStream().readAllBytes()).strip();
            if (p.exitValue() != 1) {
                return new Trial(ms, "failed (QEMU status " + p.exitValue() + (output.isEmpty() ? "" : ": " + firstLine(output)) + ")");
            }
            return new Trial(ms, null);
        } catch (IOException e) {
            return new Trial(-1, "could not start QEMU (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Trial(-1, "was interrupted");
        }
    }

    private static String cacheKey(Machine machine, Path qemuBinary) {
        long size = -1;
        long mtime = -1;
        Path real = qemuBinary;
        try {
            real = qemuBinary.toRealPath();
            size = Files.size(real);
            mtime = Files.getLastModifiedTime(real).toMillis();
        } catch (IOException ignored) {
            // key without size and time
        }
        return "kernel=" + System.getProperty("os.version") + " qemu=" + real + " size=" + size + " mtime=" + mtime + " machine=" + machine.qemuName();
    }

    private JsonNode readCache() {
        try {
            return Files.isRegularFile(cacheFile) ? JSON.readTree(cacheFile.toFile()) : JSON.createObjectNode();
        } catch (IOException damaged) {
            return JSON.createObjectNode();
        }
    }

    private void writeCache(JsonNode cache) {
        try {
            AtomicFiles.write(cacheFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(cache));
        } catch (IOException e) {
            System.err.println("porthole: could not cache the accelerator verdict in " + cacheFile + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
