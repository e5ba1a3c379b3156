package dev.porthole.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the outcome back on it. View models take one of these, so the FX thread
 * never waits on a build, a boot, a gdb command or a file (JabRef's {@code TaskExecutor} is the model); tests use
 * {@link CurrentThreadTaskRunner} and see every step happen in order.
 */
public interface TaskRunner {
    /** Runs {@code work} in the background; {@code onDone} or {@code onFailed} runs on the UI thread. */
    <T> CompletableFuture<T> run(String what, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** Runs {@code action} on the UI thread: now when already there, else soon. */
    void onUi(Runnable action);

    default CompletableFuture<Void> runAction(String what, ThrowingRunnable work, Runnable onDone, Consumer<Throwable> onFailed) {
        return run(what, () -> {
            work.run();
            return null;
        }, ignored -> onDone.run(), onFailed);
    }

    /** A failure without the wrappers futures add. */
    static Throwable causeOf(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A failure's own message, without the wrappers futures add (or its class name when it has none). */
    static String messageOf(Throwable error) {
        Throwable t = causeOf(error);
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
