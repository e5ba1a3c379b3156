package dev.porthole.app.editor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback right away on the calling thread: for view-model tests with no FX thread. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
