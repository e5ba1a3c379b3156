package dev.porthole.app.console.bench;

import dev.porthole.app.console.ConsoleView;
import dev.porthole.app.console.ConsoleViewModel;
import dev.porthole.app.console.LogLevel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console at a million lines: memory after GC, and how long the FX thread is ever blocked
 * while lines flood in, while a filter or a search runs over all of them, and while scrolling.
 *
 * <p>Blocking is measured by a pulse watchdog: a background thread posts a {@code Platform.runLater}
 * every 10 ms and records how late each one runs. Each figure is reported beside a baseline from
 * the same run: the watchdog's delay with the console idle, and the heap a plain
 * {@code List<String>} of the same lines takes.
 *
 * <pre>
 * cd app &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
 *      -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.porthole.app.console.bench.ConsoleBench [lines]
 * </pre>
 * Add {@code -Dbench.sample=1} to print what the FX thread is doing whenever it is more than a second late.
 * Not a test: surefire skips {@code **}{@code /bench/**}.
 */
public final class ConsoleBench {
    private static final String[] LIBRARIES = {
        "libkvmplat", "libukboot", "libukalloc", "libukallocbbuddy", "libuksched", "libukschedcoop", "libukbus",
        "libvfscore", "libuknetdev", "libposix_process", "libukconsole", "libuklibparam",
    };
    private static final String[] FILES = {"setup.c", "boot.c", "alloc.c", "bbuddy.c", "sched.c", "bus.c", "main.c"};

    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });

        ConsoleViewModel console = onFx(ConsoleViewModel::new);
        onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new ConsoleView(console), 1200, 760));
            stage.show();
            return stage;
        });
        long heapEmpty = heapAfterGc(); // the JVM, JavaFX and the shown, empty console
        long generateStart = System.nanoTime();
        long heapOfStrings = heapOfPlainStrings(lines) - heapEmpty;
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        heapAfterGc();
        PulseWatchdog watchdog = new PulseWatchdog();

        // Baseline: how late a runLater runs on an idle FX thread on this (shared) machine.
        watchdog.reset();
        Thread.sleep(2000);
        double idleMaxMs = watchdog.maxDelayMs();

        // 1. A flood: one producer thread appends as fast as it can while the view follows the tail.
        watchdog.reset();
        long gcBefore = gcMillis();
        long fxCpuBefore = fxThreadCpuNanos();
        long started = System.nanoTime();
        Thread producer = new Thread(() -> appendSynthetic(console, 0, lines), "bench-producer");
        producer.start();
        producer.join();
        long appended = System.nanoTime();
        console.flush().get(10, TimeUnit.MINUTES);
        long shown = System.nanoTime();
        double appendMaxMs = watchdog.maxDelayMs();
        long floodGcMs = gcMillis() - gcBefore;
        double floodFxCpuSeconds = (fxThreadCpuNanos() - fxCpuBefore) / 1e9;
        long heapConsole = heapAfterGc() - heapEmpty;

        // 2. Filters and a search over all of it (background; the FX thread must stay free).
        double[] levelFilter = timed(watchdog, console, () -> console.levelShownProperty(LogLevel.INFO).set(false));
        double[] levelBack = timed(watchdog, console, () -> console.levelShownProperty(LogLevel.INFO).set(true));
        double[] regexFilter = timed(watchdog, console, () -> console.regexFilterProperty().set("libuk(boot|bus)|ERR"));
        double[] search = timed(watchdog, console, () -> console.searchTextProperty().set("buddy"));
        int matches = onFx(() -> console.matchCountProperty().get());
        long shownAfterRegex = onFx(() -> console.shownLinesProperty().get());
        timed(watchdog, console, () -> console.regexFilterProperty().set(""));

        // 3. Jumping around a million lines: each jump reads and draws one viewport on the FX thread.
        double[] jump = scrollJumps(console, 200);

        // 4. Twice the capacity: the oldest lines drop, memory stays bounded.
        watchdog.reset();
        Thread second = new Thread(() -> appendSynthetic(console, lines, lines), "bench-producer-2");
        second.start();
        second.join();
        console.flush().get(10, TimeUnit.MINUTES);
        double overflowMaxMs = watchdog.maxDelayMs();
        long dropped = onFx(() -> console.droppedLinesProperty().get());
        long retained = onFx(() -> console.retainedLinesProperty().get());
        long heapFull = heapAfterGc() - heapEmpty;
        watchdog.close();

        double appendSeconds = (shown - started) / 1e9;
        System.out.printf(Locale.ROOT, "lines                         %,d (capacity %,d)%n", lines, console.getMaxLines());
        System.out.printf(Locale.ROOT, "ingest                        %.2f s to shown (%,.0f lines/s; producer done after %.2f s)%n",
                appendSeconds, lines / appendSeconds, (appended - started) / 1e9);
        System.out.printf(Locale.ROOT, "baseline: making the lines   %.2f s (a List<String> of them, no console)%n", generateSeconds);
        System.out.printf(Locale.ROOT, "GC time during the flood      %,d ms%n", floodGcMs);
        System.out.printf(Locale.ROOT, "FX thread CPU in the flood    %.2f s of %.2f s wall (%.0f%% of one core)%n",
                floodFxCpuSeconds, appendSeconds, 100 * floodFxCpuSeconds / appendSeconds);
        System.out.printf(Locale.ROOT, "load average at the end       %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "heap, console with %,d lines  %.1f MB = %.0f B/line; a List<String> of them: %.1f MB = %.0f B/line (ratio %.2f)%n",
                lines, heapConsole / 1e6, (double) heapConsole / lines, heapOfStrings / 1e6, (double) heapOfStrings / lines,
                (double) heapConsole / heapOfStrings);
        System.out.printf(Locale.ROOT, "heap after %,d more lines     %.1f MB (%,d kept, %,d dropped; ratio to full %.2f)%n",
                lines, heapFull / 1e6, retained, dropped, (double) heapFull / heapConsole);
        System.out.printf(Locale.ROOT, "FX thread max delay, idle     %.1f ms (baseline)%n", idleMaxMs);
        System.out.printf(Locale.ROOT, "FX max delay, flood           %.1f ms (%.1fx idle)%n", appendMaxMs, appendMaxMs / idleMaxMs);
        System.out.printf(Locale.ROOT, "FX max delay, flood past cap  %.1f ms (%.1fx idle)%n", overflowMaxMs, overflowMaxMs / idleMaxMs);
        printTimed("hide Info (%,d lines)", lines, levelFilter, idleMaxMs);
        printTimed("show Info again", lines, levelBack, idleMaxMs);
        printTimed("regex filter", lines, regexFilter, idleMaxMs);
        System.out.printf(Locale.ROOT, "  regex shows %,d lines%n", shownAfterRegex);
        printTimed("search 'buddy'", lines, search, idleMaxMs);
        System.out.printf(Locale.ROOT, "  %,d matches (collection stops at 100,000)%n", matches);
        System.out.printf(Locale.ROOT, "scroll jump + draw on FX      mean %.2f ms, max %.2f ms over %d jumps%n", jump[0], jump[1], (int) jump[2]);
        Platform.exit();
        System.exit(0);
    }

    private static void printTimed(String what, int lines, double[] figures, double idleMaxMs) {
        System.out.printf(Locale.ROOT, "%-29s %.0f ms in the background; FX max delay %.1f ms (%.1fx idle)%n",
                String.format(Locale.ROOT, what, lines), figures[0], figures[1], figures[1] / idleMaxMs);
    }

    /** Runs {@code change} on the FX thread; returns {wall ms until applied, FX max delay ms meanwhile}. */
    private static double[] timed(PulseWatchdog watchdog, ConsoleViewModel console, Runnable change) throws Exception {
        watchdog.reset();
        long start = System.nanoTime();
        CompletableFuture<Void> done = onFx(() -> {
            change.run();
            return console.flush();
        });
        done.get(10, TimeUnit.MINUTES);
        return new double[] {(System.nanoTime() - start) / 1e6, watchdog.maxDelayMs()};
    }

    private static double[] scrollJumps(ConsoleViewModel console, int jumps) throws Exception {
        Random random = new Random(7);
        double total = 0;
        double max = 0;
        for (int i = 0; i < jumps; i++) {
            long target = (long) (random.nextDouble() * onFx(() -> console.shownLinesProperty().get()));
            double ms = onFx(() -> {
                long t0 = System.nanoTime();
                console.scrollTo(target); // reads the viewport's lines and draws them (window listener)
                return (System.nanoTime() - t0) / 1e6;
            });
            total += ms;
            max = Math.max(max, ms);
        }
        onFx(() -> {
            console.scrollToEnd();
            return null;
        });
        return new double[] {total / jumps, max, jumps};
    }

    /** Unikraft-style lines, about one in ten coloured the way Unikraft's ANSI option prints them. */
    static String syntheticLine(long i) {
        String library = LIBRARIES[(int) (i % LIBRARIES.length)];
        String level = i % 97 == 0 ? "ERR: " : i % 31 == 0 ? "Warn:" : i % 7 == 0 ? "dbg: " : "Info:";
        StringBuilder line = new StringBuilder(128);
        boolean coloured = i % 10 == 3;
        if (coloured) {
            line.append("\u001b[0m");
        }
        line.append('[').append(pad(Long.toString(i / 100_000), 5, ' ')).append('.')
                .append(pad(Long.toString((i * 10) % 1_000_000), 6, '0')).append("] ");
        line.append(coloured ? "\u001b[1;32m" + level + "\u001b[0m" : level);
        line.append(" [").append(library).append("] <").append(FILES[(int) (i % FILES.length)]).append(" @ ")
                .append(pad(Long.toString(i % 1000), 4, ' ')).append("> step ").append(i).append(" allocated ")
                .append(i * 4096 % 1_048_576).append(" bytes from buddy zone ").append(i % 4).append('\r');
        return line.toString();
    }

    private static String pad(String digits, int width, char with) {
        return digits.length() >= width ? digits : String.valueOf(with).repeat(width - digits.length()) + digits;
    }

    private static void appendSynthetic(ConsoleViewModel console, long from, int count) {
        long t = System.nanoTime();
        for (long i = from; i < from + count; i++) {
            console.append(t + i * 10_000, syntheticLine(i));
        }
    }

    private static long heapOfPlainStrings(int lines) {
        List<String> strings = new ArrayList<>(lines);
        for (long i = 0; i < lines; i++) {
            strings.add(syntheticLine(i));
        }
        long heap = heapAfterGc();
        if (strings.size() != lines) {
            throw new IllegalStateException("kept alive until measured");
        }
        return heap;
    }

    private static long fxThreadCpuNanos() throws Exception {
        long id = onFx(() -> Thread.currentThread().getId());
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(id);
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /** Posts a runLater every 10 ms and remembers the latest one ran. */
    private static final class PulseWatchdog implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicLong maxDelayNanos = new AtomicLong();

        private volatile long oldestUnrunPosted = Long.MAX_VALUE;
        private int samples;

        PulseWatchdog() {
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                if (oldestUnrunPosted == Long.MAX_VALUE) {
                    oldestUnrunPosted = posted;
                }
                Platform.runLater(() -> {
                    maxDelayNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    oldestUnrunPosted = Long.MAX_VALUE;
                });
                if (System.getProperty("bench.sample") != null && posted - oldestUnrunPosted > 1_000_000_000L && samples < 40 && (posted / 10_000_000) % 50 == 0) {
                    samples++;
                    sampleFxThread(posted - oldestUnrunPosted);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        /** Diagnosis: what the FX thread is doing while it is late (-Dbench.sample). */
        private static void sampleFxThread(long lateNanos) {
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().equals("JavaFX Application Thread")) {
                    StringBuilder trace = new StringBuilder("FX late " + lateNanos / 1_000_000 + " ms, state " + thread.getState() + ":\n");
                    for (int i = 0; i < Math.min(18, stack.length); i++) {
                        trace.append("    at ").append(stack[i]).append('\n');
                    }
                    System.out.print(trace);
                }
            });
        }

        void reset() {
            maxDelayNanos.set(0);
        }

        double maxDelayMs() {
            return maxDelayNanos.get() / 1e6;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
