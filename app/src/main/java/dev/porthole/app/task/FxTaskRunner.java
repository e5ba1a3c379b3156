package dev.porthole.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The real runner: a pool of daemon threads for the work, {@link Platform#runLater} for the outcome. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "porthole-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> CompletableFuture<T> run(String what, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setName("porthole-task: " + what);
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
        future.whenComplete((value, error) -> onUi(() -> {
            if (error == null) {
                onDone.accept(value);
            } else {
                onFailed.accept(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
        return future;
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
