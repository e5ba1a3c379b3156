package dev.porthole.launcher.bench;

import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.AccelProbe;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.HostTimings;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.QemuLauncher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's overhead: spawn-to-exit of {@code app=hello} through {@link QemuLauncher} (sockets, QMP handshake,
 * run record, readers) against the same QEMU command run bare from Java (its channels going to files instead of
 * Porthole's sockets, no QMP client), median of 10 each, interleaved, in one JVM after 3 warm-up runs of each.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -B -q -o -pl qemu-launcher test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.porthole.launcher.bench.LaunchOverheadBench
 * </pre>
 * Or {@code java -cp target/test-classes:target/classes:<deps> dev.porthole.launcher.bench.LaunchOverheadBench [runs]}.
 */
public final class LaunchOverheadBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Files.createTempDirectory("porthole-bench-");
        QemuLauncher launcher = new QemuLauncher(new AccelProbe(root.resolve("accel.json")));
        LaunchSpec spec = LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG).append("app=hello").runsRoot(root.resolve("runs"))
                .timeout(Duration.ofSeconds(30)).build();
        List<String> bareArgv = bareArgv(launcher, spec, root);
        System.out.println("bare command: " + String.join(" ", bareArgv));
        List<String> setprivArgv = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--"));
        setprivArgv.addAll(bareArgv);
        for (int i = 0; i < 3; i++) {
            launched(launcher, spec);
            bare(bareArgv, root);
            bare(setprivArgv, root);
        }
        double[] launchedMs = new double[runs];
        double[] bareMs = new double[runs];
        double[] setprivMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            launchedMs[i] = launched(launcher, spec);
            bareMs[i] = bare(bareArgv, root);
            setprivMs[i] = bare(setprivArgv, root);
        }
        double launchedMedian = median(launchedMs);
        double bareMedian = median(bareMs);
        System.out.printf("launcher spawn-to-exit ms: %s%n", Arrays.toString(round(launchedMs)));
        System.out.printf("bare QEMU wall ms:         %s%n", Arrays.toString(round(bareMs)));
        System.out.printf("bare under setpriv ms:     %s (median %.2f: the cost of tying QEMU to the JVM)%n", Arrays.toString(round(setprivMs)),
                median(setprivMs));
        System.out.printf("median launcher %.2f ms, bare %.2f ms, difference %.2f ms, ratio %.3f%n", launchedMedian, bareMedian,
                launchedMedian - bareMedian, launchedMedian / bareMedian);
        // on a shared, loaded machine the medians swing by tens of ms; the fastest runs show the structural cost
        double launchedMin = Arrays.stream(launchedMs).min().orElseThrow();
        double bareMin = Arrays.stream(bareMs).min().orElseThrow();
        System.out.printf("fastest launcher %.2f ms, bare %.2f ms, difference %.2f ms; load average %s%n", launchedMin, bareMin, launchedMin - bareMin,
                loadAverage());
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double launched(QemuLauncher launcher, LaunchSpec spec) throws Exception {
        try (Guest guest = launcher.launch(spec)) {
            GuestExit exit = guest.awaitExit(Duration.ofSeconds(30));
            if (!exit.success()) {
                throw new IllegalStateException("hello did not exit cleanly: " + exit);
            }
            return guest.timings().sinceSpawnNanos(HostTimings.Stamp.EXIT).getAsLong() / 1e6;
        }
    }

    private static double bare(List<String> argv, Path root) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(root.resolve("bare-stderr.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        int status = p.waitFor();
        long end = System.nanoTime();
        if (status != 1) {
            throw new IllegalStateException("bare QEMU exited with " + status + "; see " + root.resolve("bare-stderr.log"));
        }
        return (end - start) / 1e6;
    }

    /** The launcher's argv with the socket chardevs turned into files, so QEMU does the same work without Porthole listening. */
    private static List<String> bareArgv(QemuLauncher launcher, LaunchSpec spec, Path root) {
        List<String> argv = new ArrayList<>(launcher.argv(spec.toBuilder().qemuBinary("/usr/bin/qemu-system-x86_64").build(), Accel.TCG, root,
                java.util.OptionalInt.empty()));
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("socket,id=")) {
                String id = a.substring("socket,id=".length(), a.indexOf(",", 10));
                argv.set(i, "file,id=" + id + ",path=" + root.resolve("bare-" + id + ".log"));
            }
        }
        return argv;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }
}
