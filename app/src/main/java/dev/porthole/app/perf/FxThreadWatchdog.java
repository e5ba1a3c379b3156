package dev.porthole.app.perf;

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

    public FxThreadWatchdog(long periodMillis) {
        this.periodNanos = periodMillis * 1_000_000L;
        this.thread = new Thread(this::loop, "porthole-fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            boolean pausedWhenPosted = paused;
            long posted = System.nanoTime();
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
            synchronized (done) {
                // Wait for this probe before posting the next, so a long block counts once, at its full length.
                long deadline = System.currentTimeMillis() + 60_000;
                while (!ran[0] && running && System.currentTimeMillis() < deadline) {
                    try {
                        done.wait(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!pausedWhenPosted && !paused) {
                        sampleBlockedStack(System.nanoTime() - posted);
                    }
                }
            }
            try {
                Thread.sleep(periodNanos / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** While a probe waits, remember where the FX thread is, for the longest wait seen: the culprit names itself. */
    private void sampleBlockedStack(long waitingNanos) {
        Thread fx = fxThread;
        if (fx == null || waitingNanos < 100_000_000L || waitingNanos <= longestSampled) {
            return;
        }
        longestSampled = waitingNanos;
        StringBuilder trace = new StringBuilder("FX thread after " + waitingNanos / 1_000_000 + " ms blocked:\n");
        StackTraceElement[] stack = fx.getStackTrace();
        for (int i = 0; i < Math.min(25, stack.length); i++) {
            trace.append("    at ").append(stack[i]).append('\n');
        }
        longestBlockStack = trace.toString();
    }

    /** Where the FX thread was during the longest block (sampled every 50 ms past 100 ms), or empty. */
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

    public void reset() {
        maxLatencyNanos.set(0);
        samples.set(0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
