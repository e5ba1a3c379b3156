package dev.porthole.build.bench;

import dev.porthole.build.layout.ImageLayout;
import dev.porthole.build.layout.LayoutSymbol;
import dev.porthole.build.layout.SizeNode;
import dev.porthole.kernel.SampleKernel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSection;
import net.fornwall.jelf.ElfSymbol;

/**
 * The layout speed budget, measured against baselines taken in the same run on the same machine:
 * <ul>
 *   <li>the kernel's debug ELF: read + top symbols + size tree (with {@code nm -l} for source files) at most 300 ms;</li>
 *   <li>the JDK's {@code libjvm.so}: read + top symbols at most 1.5 s and at most the wall time of
 *       {@code readelf -SsW} on the same file (a whole process, output discarded).</li>
 * </ul>
 * Also printed: the same read through jelf, the library this reader replaced, for the record.
 * Run with {@code mvn -o -pl build-view -Pbench verify} (or {@code ./porthole bench}). Medians of
 * {@link #RUNS} runs after {@link #WARMUP} warm-up runs; the first (cold) run is printed too.
 */
public final class LayoutBench {
    static final int WARMUP = 5;
    static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        Path libjvm = libjvm();
        Path kernel = SampleKernel.debugImage();
        System.out.printf("libjvm.so: %s (%d MB)%nkernel:    %s%n%n", libjvm, Files.size(libjvm) >> 20, kernel);

        double readelf = measure("readelf -SsW libjvm.so (process)", () -> runDiscarding("readelf", "-SsW", libjvm.toString()))[1];
        double[] jvmLayout = measure("layout libjvm.so: read + top 20", () -> {
            ImageLayout layout = ImageLayout.read(libjvm);
            List<LayoutSymbol> top = layout.topSymbols(20);
            return top.size() + layout.totalAllocatedSize();
        });
        double[] jvmTree = measure("layout libjvm.so: read + top 20 + size tree", () -> {
            ImageLayout layout = ImageLayout.read(libjvm);
            layout.topSymbols(20);
            SizeNode tree = layout.sizeTree();
            return tree.size();
        });
        double[] jelf = measure("jelf libjvm.so: sections + symbols with names", () -> jelfRead(libjvm.toFile()));
        double readelfKernel = measure("readelf -SsW porthole.dbg (process)", () -> runDiscarding("readelf", "-SsW", kernel.toString()))[1];
        double[] kernelLayout = measure("layout porthole.dbg: read + top 20 + files (nm -l) + size tree", () -> {
            ImageLayout layout = ImageLayout.read(kernel);
            layout.topSymbols(20);
            return layout.sizeTree().size();
        });

        System.out.println();
        System.out.printf("libjvm.so layout / readelf -SsW   = %.2f (budget <= 1.00; %.1f ms vs %.1f ms) %s%n",
                jvmLayout[1] / readelf, jvmLayout[1], readelf, verdict(jvmLayout[1] <= readelf && jvmLayout[1] <= 1500));
        System.out.printf("libjvm.so layout+tree / readelf    = %.2f (%.1f ms; the tree is built when a view asks for it)%n",
                jvmTree[1] / readelf, jvmTree[1]);
        System.out.printf("jelf read / readelf -SsW           = %.2f (%.1f ms)%n", jelf[1] / readelf, jelf[1]);
        System.out.printf("jelf read / our read               = %.2f%n", jelf[1] / jvmLayout[1]);
        System.out.printf("kernel layout: %.1f ms (budget <= 300 ms) %s; / readelf -SsW on it = %.2f%n",
                kernelLayout[1], verdict(kernelLayout[1] <= 300), kernelLayout[1] / readelfKernel);
    }

    private static String verdict(boolean ok) {
        return ok ? "OK" : "OVER BUDGET";
    }

    /** Returns {cold ms, median ms}. */
    static double[] measure(String name, Callable<Object> task) throws Exception {
        long t0 = System.nanoTime();
        Object sink = task.call();
        double cold = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < WARMUP; i++) {
            sink = task.call();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink = task.call();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        double median = times[RUNS / 2];
        System.out.printf("%-66s cold %8.1f ms   median %8.1f ms   min %8.1f ms   (%s)%n", name, cold, median, times[0],
                String.valueOf(sink).length() > 20 ? "..." : sink);
        return new double[] {cold, median};
    }

    static Object runDiscarding(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + status);
        }
        return status;
    }

    static Object jelfRead(File file) throws Exception {
        ElfFile elf = ElfFile.from(file);
        long names = 0;
        for (int i = 0; i < elf.e_shnum; i++) {
            ElfSection section = elf.getSection(i);
            names += section.header.getName() == null ? 0 : 1;
        }
        for (ElfSymbol symbol : elf.getSymbolTableSection().symbols) {
            String name = symbol.getName();
            names += name == null ? 0 : name.length();
        }
        return names;
    }

    static Path libjvm() {
        Path home = Path.of(System.getProperty("java.home"));
        for (Path candidate : List.of(home.resolve("lib/server/libjvm.so"), home.resolve("jre/lib/amd64/server/libjvm.so"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no libjvm.so under " + home);
    }
}
