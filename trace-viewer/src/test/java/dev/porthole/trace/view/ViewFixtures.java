package dev.porthole.trace.view;

import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.run.RunTraceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/** Traces for the view tests: the real kernel booted under QEMU, the Chromium fixture, a generated big trace. */
public final class ViewFixtures {
    private static final Map<String, Path> RUNS = new HashMap<>();
    private static Path runsRoot;

    private ViewFixtures() {
    }

    /**
     * Boots the sample kernel under TCG with {@code -append app=...} (once per JVM and command line), waits for it
     * to exit, and returns its run directory (trace.log, timings.json).
     */
    public static synchronized Path kernelRun(String append) {
        Path done = RUNS.get(append);
        if (done != null) {
            return done;
        }
        try {
            if (runsRoot == null) {
                runsRoot = Files.createTempDirectory("porthole-trace-view-runs");
            }
            LaunchSpec spec = LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG).append(append)
                    .runsRoot(runsRoot).build();
            try (Guest guest = new QemuLauncher().launch(spec)) {
                GuestExit exit = guest.awaitExit(Duration.ofSeconds(60));
                if (!exit.success()) {
                    throw new IllegalStateException("the sample kernel (" + append + ") did not exit cleanly: " + exit
                            + "; see " + guest.runDir());
                }
                Path dir = guest.runDir();
                RUNS.put(append, dir);
                return dir;
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not boot the sample kernel with '" + append + "': " + e.getMessage(), e);
        }
    }

    /** The real kernel's boot trace (app=hello), host and guest on one axis. */
    public static Trace kernelTrace() {
        return load(kernelRun("app=hello"));
    }

    public static Trace load(Path runDir) {
        try {
            return RunTraceLoader.load(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the run " + runDir, e);
        }
    }

    public static Path chromium() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/chrome/chromium-startup.json.gz");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/fixtures/chrome/chromium-startup.json.gz");
    }

    /** The app theme's colours, for scenes in tests and demos. */
    public static String themeStylesheet(boolean dark) {
        return dev.porthole.icons.Icons.paletteStylesheet(dark);
    }

    /**
     * {@code events} complete slices on {@code threads} threads, nested up to three deep, with 40 distinct names:
     * the shape of a busy Chrome trace (the "1,000,000 X events on 16 threads").
     */
    public static Trace generated(int events, int threads) {
        TraceBuilder b = new TraceBuilder();
        b.report().source("generated " + events + " events on " + threads + " threads");
        StringPool s = b.strings();
        int[] names = new int[40];
        for (int i = 0; i < names.length; i++) {
            names[i] = s.intern((i % 4 == 0 ? "task." : i % 4 == 1 ? "gc." : i % 4 == 2 ? "io." : "render.") + i);
        }
        int cat = s.intern("gen");
        Random random = new Random(42);
        int perThread = events / threads;
        for (int t = 0; t < threads; t++) {
            int track = b.threadTrack(1, 100 + t);
            b.setThreadName(1, 100 + t, "worker-" + t);
            long time = random.nextInt(5_000);
            int made = 0;
            while (made < perThread) {
                long dur = 2_000 + random.nextInt(40_000);
                b.slice(track, time, dur, names[random.nextInt(names.length)], cat, b.argsMark());
                made++;
                int children = random.nextInt(4);
                long childTime = time + 50;
                for (int c = 0; c < children && made < perThread; c++) {
                    long childDur = dur / (children + 1);
                    b.slice(track, childTime, childDur, names[random.nextInt(names.length)], cat, b.argsMark());
                    made++;
                    if (random.nextBoolean() && made < perThread) {
                        b.slice(track, childTime + 10, childDur / 2, names[random.nextInt(names.length)], cat, b.argsMark());
                        made++;
                    }
                    childTime += childDur + 20;
                }
                time += dur + random.nextInt(3_000);
            }
        }
        return b.finish();
    }
}
