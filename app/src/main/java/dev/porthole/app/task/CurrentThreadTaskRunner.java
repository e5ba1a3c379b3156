package dev.porthole.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * For view-model tests: everything runs at once on the caller's thread, in order. Like {@link FxTaskRunner}, only a
 * failure of the work reaches {@code onFailed}; one thrown by {@code onDone} is the caller's, not the work's.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> CompletableFuture<T> run(String what, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        T value;
        try {
            value = work.call();
        } catch (Exception | Error e) {
            onFailed.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onDone.accept(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
