package dev.porthole.app.console;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Where the console's work runs: a background worker that parses and indexes lines, and the UI
 * thread that shows them. Injected so view-model tests run everything on the calling thread
 * (JabRef's {@code TaskExecutor} / {@code CurrentThreadTaskExecutor} split).
 */
public interface ConsoleThreads {

    /** Runs {@code task} off the UI thread; tasks run one at a time, in the order given. */
    void runInBackground(Runnable task);

    /** Runs {@code task} on the UI thread. */
    void runOnUi(Runnable task);

    /**
     * The least time between two UI updates while lines stream in: the worker batches whatever
     * arrives in between, so a flood of lines costs the UI thread a bounded number of redraws.
     */
    long minUiIntervalNanos();

    /** Stops the worker (pending tasks are dropped). */
    void shutdown();

    /**
     * Whether the calling thread may wait for the worker to catch up (backpressure on a producer
     * that outruns it). Never the UI thread: it must not block, it would freeze the window.
     */
    boolean mayWaitForWorker();

    /** One daemon worker thread per console; UI updates through {@link Platform#runLater} at most ~30 times a second. */
    static ConsoleThreads javaFx() {
        return new JavaFxThreads(TimeUnit.MILLISECONDS.toNanos(33));
    }

    /** Everything runs at once on the calling thread, with no throttling: for tests without a UI. */
    static ConsoleThreads currentThread() {
        return new ConsoleThreads() {
            @Override
            public void runInBackground(Runnable task) {
                task.run();
            }

            @Override
            public void runOnUi(Runnable task) {
                task.run();
            }

            @Override
            public long minUiIntervalNanos() {
                return 0;
            }

            @Override
            public void shutdown() {
            }

            @Override
            public boolean mayWaitForWorker() {
                return false; // the worker is this thread
            }
        };
    }

    /** The production pair: a single daemon worker and the FX application thread. */
    final class JavaFxThreads implements ConsoleThreads {
        private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "porthole-console");
            thread.setDaemon(true);
            return thread;
        });
        private final long minUiIntervalNanos;

        JavaFxThreads(long minUiIntervalNanos) {
            this.minUiIntervalNanos = minUiIntervalNanos;
        }

        @Override
        public void runInBackground(Runnable task) {
            if (!worker.isShutdown()) {
                try {
                    worker.execute(task);
                } catch (RejectedExecutionException closedMeanwhile) {
                    // The console was closed (the window is going away): later lines have nowhere to go.
                }
            }
        }

        @Override
        public void runOnUi(Runnable task) {
            if (Platform.isFxApplicationThread()) {
                task.run();
            } else {
                Platform.runLater(task);
            }
        }

        @Override
        public long minUiIntervalNanos() {
            return minUiIntervalNanos;
        }

        @Override
        public void shutdown() {
            worker.shutdownNow();
        }

        @Override
        public boolean mayWaitForWorker() {
            return !Platform.isFxApplicationThread() && !worker.isShutdown();
        }
    }
}
