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
    private volatile boolean running = true;

    public FxThreadWatchdog(long periodMillis) {
        this.periodNanos = periodMillis * 1_000_000L;
        this.thread = new Thread(this::loop, "porthole-fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long posted = System.nanoTime();
            Object done = new Object();
            boolean[] ran = {false};
            Platform.runLater(() -> {
                long late = System.nanoTime() - posted;
                maxLatencyNanos.accumulateAndGet(late, Math::max);
                samples.incrementAndGet();
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
                }
            }
            try {
                Thread.sleep(periodNanos / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            }
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
