package dev.porthole.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** For view-model tests: everything runs at once on the caller's thread, in order. */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> CompletableFuture<T> run(String what, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        try {
            T value = work.call();
            onDone.accept(value);
            return CompletableFuture.completedFuture(value);
        } catch (Exception e) {
            onFailed.accept(e);
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
