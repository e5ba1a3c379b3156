package dev.porthole.app.perf;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is ever blocked: a daemon thread posts a tiny task every {@code periodMillis}
 * and records how late it runs. The longest lateness is the longest the window could not repaint or react.
 * Cheap enough to leave on during an end-to-end scenario.
 */
public final class FxThreadWatchdog implements AutoCloseable {
    private final long periodNanos;
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile Thread fxThread;
    private volatile String longestBlockStack = "";
    private volatile long longestSampled;
    private volatile boolean running = true;
    private volatile boolean paused;
    /** The FX thread's CPU time at the last reset, or -1 before the thread is known. */
    private volatile long cpuAtReset = -1;

    /** Got here, before the watchdog runs: the first call loads the JVM's management library (tens of ms). */
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public FxThreadWatchdog(long periodMillis) {
        this.periodNanos = periodMillis * 1_000_000L;
        if (Platform.isFxApplicationThread()) {
            // Known at once, so that a block before the first probe runs is sampled too.
            fxThread = Thread.currentThread();
        }
        // Known from the first posted task on, so that CPU time counts from a reset right after construction.
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            reset();
        });
        this.thread = new Thread(this::loop, "porthole-fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            boolean pausedWhenPosted = paused;
            long posted = System.nanoTime();
            long cpuWhenPosted = fxCpuNanos();
            Object done = new Object();
            boolean[] ran = {false};
            Platform.runLater(() -> {
                fxThread = Thread.currentThread();
                long late = System.nanoTime() - posted;
                if (!pausedWhenPosted && !paused) {
                    maxLatencyNanos.accumulateAndGet(late, Math::max);
                    samples.incrementAndGet();
                }
                synchronized (done) {
                    ran[0] = true;
                    done.notifyAll();
                }
            });
            java.util.Map<String, Integer> where = new java.util.LinkedHashMap<>();
            synchronized (done) {
                // Wait for this probe before posting the next, so a long block counts once, at its full length.
                long deadline = System.currentTimeMillis() + 60_000;
                while (!ran[0] && running && System.currentTimeMillis() < deadline) {
                    try {
                        done.wait(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!ran[0] && !pausedWhenPosted && !paused && System.nanoTime() - posted > 20_000_000L) {
                        where.merge(topOfStack(), 1, Integer::sum);
                    }
                }
            }
            long waited = System.nanoTime() - posted;
            if (PRINT_BLOCKS && !pausedWhenPosted && !paused && waited >= 40_000_000L) {
                // Every block of 40 ms or more, in order, each with where its samples were: a step's longest block
                // alone hides the others just under it.
                // The FX thread's own CPU time beside the wall time: a block far longer than its CPU time was the
                // machine's other work (a build, the guest, the JIT) taking the core, not the window's.
                System.out.println("porthole-block " + waited / 1_000_000 + " ms (cpu "
                        + (fxCpuNanos() - cpuWhenPosted) / 1_000_000 + " ms): "
                        + String.join(" | ", where.keySet().stream().map(FxThreadWatchdog::firstTelling).toList()));
            }
            if (!pausedWhenPosted && !paused && waited >= 60_000_000L && waited > longestSampled) {
                // Where the FX thread was, sampled every 10 ms while the probe waited: the culprit names itself.
                longestSampled = waited;
                StringBuilder trace = new StringBuilder("FX thread blocked " + waited / 1_000_000 + " ms; where it was (samples every 10 ms):\n");
                where.forEach((stack, n) -> trace.append("  ").append(n).append(" x\n").append(stack));
                longestBlockStack = trace.toString();
            }
            try {
                Thread.sleep(periodNanos / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long fxCpuNanos() {
        Thread fx = fxThread;
        return fx == null ? 0 : threads.getThreadCpuTime(fx.getId());
    }

    /** {@code -Dporthole.watchdog.blocks=true}: print each block of 40 ms or more as it ends. */
    private static final boolean PRINT_BLOCKS = Boolean.getBoolean("porthole.watchdog.blocks");

    /** A sampled stack's first frame that says whose work it was: ours, or the pulse's CSS or layout pass. */
    private static String firstTelling(String stack) {
        return stack.lines().map(String::trim)
                .filter(l -> l.contains("dev.porthole.") || l.contains("Scene.doLayoutPass") || l.contains("Scene.doCSSPass")
                        || l.contains("Scene$ScenePulseListener"))
                .map(l -> l.replaceAll("\\(.*", "").replace("at app//", "")).findFirst().orElse("?");
    }

    private String topOfStack() {
        Thread fx = fxThread;
        if (fx == null) {
            return "    (FX thread not seen yet)\n";
        }
        StringBuilder trace = new StringBuilder();
        StackTraceElement[] stack = fx.getStackTrace();
        // The top says what was running; Porthole's own frames below it say which of our calls asked for it.
        int top = Math.min(25, stack.length);
        for (int i = 0; i < top; i++) {
            trace.append("    at ").append(stack[i]).append('\n');
        }
        boolean elided = false;
        // ...and the scene's frames and the bottom say whether a pulse (its CSS or layout pass) or a posted task ran it.
        int bottom = Math.max(top, stack.length - 8);
        for (int i = top; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith("dev.porthole.") || stack[i].getClassName().startsWith("javafx.scene.Scene")
                    || i >= bottom) {
                trace.append(elided ? "    ...\n" : "").append("    at ").append(stack[i]).append('\n');
                elided = false;
            } else {
                elided = true;
            }
        }
        return trace.toString();
    }

    /** Where the FX thread was during the longest block of 60 ms or more (sampled every 10 ms), or empty. */
    public String longestBlockStack() {
        return longestBlockStack;
    }

    /**
     * Runs {@code action} without counting what it costs the FX thread: for the measuring harness's own work on
     * that thread (a window snapshot), which is not the application's.
     */
    public <T> T unmeasured(java.util.concurrent.Callable<T> action) throws Exception {
        paused = true;
        try {
            return action.call();
        } finally {
            Thread.sleep(50); // let a probe posted during the action run before counting again
            paused = false;
        }
    }

    /** The longest the FX thread took to run a posted task, in milliseconds. */
    public double maxBlockedMillis() {
        return maxLatencyNanos.get() / 1e6;
    }

    public long samples() {
        return samples.get();
    }

    /**
     * CPU time the FX thread used since the last {@link #reset} (or since it was first seen), in milliseconds. Unlike
     * a block's length, it hardly depends on what else the machine runs, so it compares two builds on a busy machine.
     */
    public double fxCpuMillisSinceReset() {
        Thread fx = fxThread;
        if (fx == null) {
            return 0;
        }
        long now = threads.getThreadCpuTime(fx.getId());
        long from = cpuAtReset < 0 ? now : cpuAtReset;
        return (now - from) / 1e6;
    }

    public void reset() {
        Thread fx = fxThread;
        cpuAtReset = fx == null ? -1 : threads.getThreadCpuTime(fx.getId());
        maxLatencyNanos.set(0);
        samples.set(0);
        longestSampled = 0;
        longestBlockStack = "";
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
