package dev.porthole.app.editor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands its result back to it (JabRef's {@code TaskExecutor} is the model).
 * The view model does every file read, write and highlighting pass through this, so tests can swap in
 * {@link CurrentThreadTaskExecutor} and the app never blocks the FX thread.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background; then {@code onSuccess} with its result, or {@code onFailure} with what it
     * threw, on the thread that owns the UI (the FX thread in the app, the calling thread in tests).
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);
}
