package dev.porthole.build.view;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where view models run work: {@code background} for reading images and running builds, {@code ui} for
 * touching properties the views observe. The app passes a pool and {@code Platform::runLater}; tests pass
 * {@link #sameThread()} and need no FX toolkit.
 */
public record ViewThreads(Executor background, Executor ui) {
    /** Everything on the calling thread: for tests. */
    public static ViewThreads sameThread() {
        return new ViewThreads(Runnable::run, Runnable::run);
    }

    /** A daemon background thread and the FX application thread. */
    public static ViewThreads fx() {
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "porthole-build-view");
            thread.setDaemon(true);
            return thread;
        });
        return new ViewThreads(pool, javafx.application.Platform::runLater);
    }
}
