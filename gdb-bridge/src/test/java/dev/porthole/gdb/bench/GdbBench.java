package dev.porthole.gdb.bench;

import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.gdb.MemoryBlock;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.Machine;
import dev.porthole.launcher.QemuLauncher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gdb-bridge figures, each against a baseline measured in the same run:
 * <ul>
 *   <li>launch_to_stop at kmain: Porthole (QemuLauncher + GdbDebugSession: launch paused, attach, hbreak kmain,
 *       continue, backtrace) versus the raw command line doing the same (QEMU {@code -S -gdb} plus
 *       {@code gdb -batch} with {@code hbreak kmain}, {@code continue}, {@code bt}); medians of N each, interleaved;
 *   <li>a {@code next} round trip: command sent to the {@code Stopped} event with its frame;
 *   <li>reading 64 KiB of guest memory.
 * </ul>
 * Run: {@code mvn -o -B -q -pl gdb-bridge -Pbench verify} or this class's main with the test classpath.
 */
public final class GdbBench {
    private static final int RUNS = Integer.getInteger("bench.runs", 10);

    public static void main(String[] args) throws Exception {
        Path runs = Files.createTempDirectory("porthole-gdb-bench-");
        // warm-up: JIT, page cache, QEMU and gdb binaries
        for (int i = 0; i < 2; i++) {
            porthole(runs);
            raw();
        }
        List<Double> ours = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ours.add(porthole(runs));
            raw.add(raw());
        }
        double oursMedian = median(ours);
        double rawMedian = median(raw);
        System.out.printf("launch_to_stop at kmain, median of %d: porthole %.1f ms, raw qemu+gdb -batch %.1f ms, ratio %.2f (goal <= 1.5)%n",
                RUNS, oursMedian, rawMedian, oursMedian / rawMedian);
        System.out.println("  porthole runs (ms): " + fmt(ours));
        System.out.println("  raw runs (ms):      " + fmt(raw));
        stepAndMemory(runs);
        coldCli(runs);
    }

    /**
     * What a user at a shell sees: {@code porthole debug --break kmain --json} as a fresh JVM each time (class loading and
     * an interpreted first run included), its own launch_to_stop and the process's wall time.
     */
    static void coldCli(Path runs) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> stops = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        int n = Math.max(3, RUNS / 2);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                    "dev.porthole.gdb.cli.DebugCommand", "--break", "kmain", "--accel", "tcg", "--json", "--runs", runs.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            walls.add((System.nanoTime() - t0) / 1e6);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"launch_to_stop\":([0-9.]+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("porthole debug printed no launch_to_stop:\n" + out);
            }
            stops.add(Double.parseDouble(m.group(1)));
        }
        System.out.printf("cold CLI (a fresh JVM per run, median of %d): launch_to_stop %.0f ms as the command reports it, "
                + "process wall time %.0f ms (boot to exit, JVM start included)%n", n, median(stops), median(walls));
    }

    /** Launch paused through the launcher, attach, hbreak kmain, continue, backtrace; ms from launch to the backtrace. */
    static double porthole(Path runs) throws Exception {
        long t0 = System.nanoTime();
        LaunchSpec spec = LaunchSpec.builder(SampleKernel.image()).machine(Machine.MICROVM).accel(Accel.TCG)
                .append("app=hello").paused(true).gdbStub(true).runsRoot(runs).build();
        try (Guest guest = new QemuLauncher().launch(spec);
             GdbDebugSession session = GdbDebugSession.start(GdbOptions.forTarget(guest.gdb().orElseThrow().target(),
                     SampleKernel.debugImage()))) {
            session.insertBreakpoint(BreakpointSpec.at("kmain").withHardware(true)).get(30, TimeUnit.SECONDS);
            DebugEvent.Stopped stop = session.resume().get(30, TimeUnit.SECONDS);
            if (!stop.frame().orElseThrow().function().equals("kmain")) {
                throw new IllegalStateException("stopped elsewhere: " + stop);
            }
            session.frames().get(30, TimeUnit.SECONDS);
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** The raw command line: QEMU -S -gdb on a unix socket, gdb -batch; ms until gdb prints the backtrace's frame #0. */
    static double raw() throws Exception {
        Path dir = Files.createTempDirectory("porthole-raw-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path sock = dir.resolve("gdb.sock");
        long t0 = System.nanoTime();
        Process qemu = new ProcessBuilder("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults", "-no-reboot",
                "-display", "none", "-serial", "null", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-kernel", SampleKernel.image().toString(), "-append", "app=hello", "-S",
                "-gdb", "unix:" + sock + ",server=on,wait=off").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process gdb = null;
        try {
            while (!Files.exists(sock)) {
                Thread.onSpinWait();
            }
            gdb = new ProcessBuilder("gdb", "-batch", "-nx", "-ex", "set architecture i386:x86-64",
                    "-ex", "file " + SampleKernel.debugImage(), "-ex", "target remote " + sock, "-ex", "hbreak kmain",
                    "-ex", "continue", "-ex", "bt").redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(gdb.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("#0") && line.contains("kmain")) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            throw new IllegalStateException("gdb -batch printed no backtrace");
        } finally {
            if (gdb != null) {
                gdb.destroyForcibly().waitFor();
            }
            qemu.destroyForcibly().waitFor();
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    /** `next` round trips inside the compute loop and 64 KiB memory reads, in one session. */
    static void stepAndMemory(Path runs) throws Exception {
        LaunchSpec spec = LaunchSpec.builder(SampleKernel.image()).machine(Machine.MICROVM).accel(Accel.TCG)
                .append("app=compute count=100000").paused(true).gdbStub(true).runsRoot(runs).build();
        try (Guest guest = new QemuLauncher().launch(spec);
             GdbDebugSession session = GdbDebugSession.start(GdbOptions.forTarget(guest.gdb().orElseThrow().target(),
                     SampleKernel.debugImage()))) {
            session.insertBreakpoint(BreakpointSpec.at("app_compute")).get(30, TimeUnit.SECONDS);
            session.resume().get(30, TimeUnit.SECONDS);
            List<Double> toEvent = new ArrayList<>();
            List<Double> toCaller = new ArrayList<>();
            for (int i = 0; i < 5 + 50; i++) {
                long t0 = System.nanoTime();
                DebugEvent.Stopped stop = session.next().get(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                if (stop.frame().isEmpty()) {
                    throw new IllegalStateException("a next without a frame: " + stop);
                }
                if (i >= 5) {
                    toEvent.add((stop.hostNanos() - t0) / 1e6);
                    toCaller.add((t1 - t0) / 1e6);
                }
            }
            System.out.printf("next round trip, median of %d: %.2f ms to the Stopped record, %.2f ms to the caller (goal <= 30 ms)%n",
                    toEvent.size(), median(toEvent), median(toCaller));
            List<Double> reads = new ArrayList<>();
            for (int i = 0; i < 3 + RUNS; i++) {
                long t0 = System.nanoTime();
                MemoryBlock block = session.readMemory("0x1000000", 64 * 1024).get(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                if (block.length() != 64 * 1024) {
                    throw new IllegalStateException("short read: " + block.length());
                }
                if (i >= 3) {
                    reads.add((t1 - t0) / 1e6);
                }
            }
            System.out.printf("read 64 KiB of guest memory, median of %d: %.2f ms (goal <= 100 ms)%n", reads.size(), median(reads));
            long t0 = System.nanoTime();
            session.registers().get(30, TimeUnit.SECONDS);
            System.out.printf("all registers (first read after the stop): %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        }
    }

    /** This class's classpath: under exec:java it is the class loader's, not java.class.path (Maven's own). */
    static String classpath() throws Exception {
        if (GdbBench.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }
}
