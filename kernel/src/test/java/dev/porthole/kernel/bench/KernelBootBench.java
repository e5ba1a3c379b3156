package dev.porthole.kernel.bench;

import dev.porthole.kernel.SampleKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's speed and size targets (issue 2), measured in one run so the ratios hold on a busy machine:
 * <ol>
 *   <li>whole-process boot of {@code app=hello} on microvm/TCG against a floor kernel that prints one line and exits
 *       ({@code make -C kernel floor}), median of N runs each, interleaved;</li>
 *   <li>guest time from the first trace record to the application's start, and the PIT calibration's share;</li>
 *   <li>the loadable size (text + data + bss) of the image.</li>
 * </ol>
 * Run: {@code ./porthole bench} or {@code mvn -Pbench -pl kernel verify}.
 */
public final class KernelBootBench {
    private static final int RUNS = Integer.getInteger("bench.runs", 11);

    public static void main(String[] args) throws Exception {
        Path image = SampleKernel.image();
        Path floor = image.resolveSibling("floor.elf");
        if (!Files.isRegularFile(floor)) {
            throw new IllegalStateException(floor + " is missing: run 'make -C kernel floor'");
        }
        Path tmp = Files.createTempDirectory("porthole-bench-");
        long[] hello = new long[RUNS];
        long[] base = new long[RUNS];
        for (int i = -1; i < RUNS; i++) { // i = -1 warms the page cache for both
            long h = bootNanos(image, "app=hello", tmp);
            long f = bootNanos(floor, null, tmp);
            if (i >= 0) {
                hello[i] = h;
                base[i] = f;
            }
        }
        double helloMs = median(hello) / 1e6;
        double floorMs = median(base) / 1e6;
        System.out.printf("boot (whole QEMU process, microvm, TCG, median of %d): app=hello %.1f ms, floor %.1f ms, ratio %.3f (target <= 1.25)%n",
                RUNS, helloMs, floorMs, helloMs / floorMs);

        GuestTimes guest = guestTimes(image, tmp);
        System.out.printf("guest: first trace record -> app start %.1f us; PIT calibration (boot.timer) %.1f us%n",
                guest.toAppStartMicros, guest.timerMicros);

        System.out.printf("image: loadable text+data+bss = %d bytes (%.1f KiB; target <= 64 KiB)%n",
                loadableBytes(image), loadableBytes(image) / 1024.0);
    }

    private static long bootNanos(Path image, String append, Path tmp) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults",
                "-no-reboot", "-display", "none", "-m", "64", "-serial", "file:" + tmp.resolve("console.log"),
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", image.toString()));
        if (append != null) {
            argv.addAll(List.of("-append", append));
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = p.waitFor();
        long elapsed = System.nanoTime() - start;
        if (status != 1) {
            throw new IllegalStateException(image + " exited with QEMU status " + status + " (expected 1, a clean exit)");
        }
        return elapsed;
    }

    private record GuestTimes(double toAppStartMicros, double timerMicros) { }

    private static GuestTimes guestTimes(Path image, Path tmp) throws IOException, InterruptedException {
        Path trace = tmp.resolve("trace.log");
        Files.deleteIfExists(trace);
        Process p = new ProcessBuilder("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults", "-no-reboot",
                "-display", "none", "-m", "64", "-debugcon", "file:" + trace, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-kernel", image.toString(), "-append", "app=hello")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        List<String> lines = Files.readAllLines(trace, StandardCharsets.ISO_8859_1);
        Matcher header = Pattern.compile("#porthole-trace 1 tsc_hz=(\\d+)( .*)?").matcher(lines.get(0));
        if (!header.matches()) {
            throw new IllegalStateException("no trace header in " + trace);
        }
        double hz = Double.parseDouble(header.group(1));
        long first = -1;
        long appStart = -1;
        long timerBegin = -1;
        long timerEnd = -1;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            long tsc = Long.parseLong(f[1]);
            if (first < 0) {
                first = tsc;
            }
            if (f[0].equals("B") && f[2].startsWith("app.") && appStart < 0) {
                appStart = tsc;
            }
            if (f[2].equals("boot.timer")) {
                if (f[0].equals("B")) {
                    timerBegin = tsc;
                } else if (f[0].equals("E")) {
                    timerEnd = tsc;
                }
            }
        }
        return new GuestTimes((appStart - first) * 1e6 / hz, (timerEnd - timerBegin) * 1e6 / hz);
    }

    /** text + data + bss as binutils' {@code size} counts them (the Berkeley format). */
    private static long loadableBytes(Path image) throws IOException, InterruptedException {
        Process size = new ProcessBuilder("size", "-B", "-d", image.toString()).redirectErrorStream(true).start();
        String[] lines = new String(size.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        size.waitFor();
        String[] f = lines[1].trim().split("\\s+");
        return Long.parseLong(f[0]) + Long.parseLong(f[1]) + Long.parseLong(f[2]);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
