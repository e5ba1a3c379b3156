package dev.porthole.gdb.mi;

import dev.porthole.gdb.DebugException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The wire to one gdb process: writes tokenized commands to its stdin, reads its stdout on a reader thread that
 * only parses, and hands every record to the session thread (the {@code sessionThread} executor), where answers
 * are matched to their commands by token and everything else goes to the {@link Handler}.
 *
 * <p>Stream records that arrive while a command waits for its answer are given to that command (gdb runs one
 * command at a time, so the text printed before {@code ^done} is that command's output, e.g. a monitor answer).
 * Stream records with no command waiting are the handler's.
 */
public final class MiConnection {

    /** What the session does with records that are not answers. Called on the session thread only. */
    public interface Handler {
        void onAsync(MiRecord.Async record);

        void onUnsolicitedStream(MiRecord.Stream record);

        /** A stdout line that is not MI. */
        void onUnknown(String line);

        /** gdb's stdout ended: it exited or crashed. {@code exitStatus} is null when unknown. */
        void onClosed(Integer exitStatus, String stderrTail);
    }

    private final Process process;
    private final ScheduledExecutorService sessionThread;
    private final Handler handler;
    private final Writer stdin;
    private final AtomicLong nextToken = new AtomicLong(1);
    private final Map<Long, Pending<?>> pending = new LinkedHashMap<>(); // guarded by itself
    private final Deque<String> stderrTail = new ArrayDeque<>();          // guarded by itself
    private final Consumer<String> transcript;
    private final java.time.Duration defaultTimeout;
    private volatile boolean closed;

    private record Pending<R>(MiCommand<R> command, String line, CompletableFuture<R> future, List<MiRecord.Stream> streams,
                              ScheduledFuture<?>[] timeout, java.util.function.BiConsumer<R, Throwable> onAnswer) {
    }

    /**
     * @param transcript receives every line sent ({@code "> "} prefix) and received, for captured transcripts; may
     *                   be {@code s -> {}}. Called on the sending and the reader thread.
     */
    public MiConnection(Process process, ScheduledExecutorService sessionThread, Handler handler, Consumer<String> transcript,
                        java.time.Duration defaultTimeout) {
        this.process = process;
        this.defaultTimeout = defaultTimeout;
        this.sessionThread = sessionThread;
        this.handler = handler;
        this.transcript = transcript;
        OutputStream out = process.getOutputStream();
        this.stdin = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readLoop, "porthole-gdb-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Thread errReader = new Thread(this::stderrLoop, "porthole-gdb-stderr-" + process.pid());
        errReader.setDaemon(true);
        errReader.start();
    }

    public Process process() {
        return process;
    }

    /** Sends a command; the future completes on the session thread with its typed result. */
    public <R> CompletableFuture<R> send(MiCommand<R> command) {
        return send(command, (r, e) -> { });
    }

    /**
     * Sends a command; {@code onAnswer} runs on the session thread when the answer is read, before any later record
     * is dispatched (so a {@code *stopped} after {@code ^running} is seen after it), and before the future completes.
     */
    public <R> CompletableFuture<R> send(MiCommand<R> command, java.util.function.BiConsumer<R, Throwable> onAnswer) {
        CompletableFuture<R> future = new CompletableFuture<>();
        long token = nextToken.getAndIncrement();
        String line = command.render(token);
        Pending<R> p = new Pending<>(command, line.substring(Long.toString(token).length()), future, new ArrayList<>(),
                new ScheduledFuture<?>[1], onAnswer);
        if (closed) {
            failLater(p, new DebugException("gdb is no longer running; cannot send '" + p.line() + "'"));
            return future;
        }
        long millis = command.timeout().orElse(defaultTimeout).toMillis();
        synchronized (pending) {
            if (closed) { // gdb ended between the check above and now: the orphan sweep has run already
                failLater(p, new DebugException("gdb is no longer running; cannot send '" + p.line() + "'"));
                return future;
            }
            pending.put(token, p);
            p.timeout()[0] = scheduleTimeout(token, millis);
        }
        if (p.timeout()[0] == null) {
            synchronized (pending) {
                pending.remove(token);
            }
            failLater(p, new DebugException("the debug session is closed; cannot send '" + p.line() + "'"));
            return future;
        }
        try {
            synchronized (stdin) {
                transcript.accept("> " + line);
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            synchronized (pending) {
                pending.remove(token);
            }
            p.timeout()[0].cancel(false);
            failLater(p, new DebugException("could not send '" + p.line() + "' to gdb: " + e.getMessage(), e));
        }
        return future;
    }

    private ScheduledFuture<?> scheduleTimeout(long token, long millis) {
        try {
            return sessionThread.schedule(() -> {
                Pending<?> gone;
                synchronized (pending) {
                    gone = pending.remove(token);
                }
                if (gone != null) {
                    fail(gone, new TimeoutException("gdb did not answer '" + gone.line() + "' within " + millis
                            + " ms; gdb may be hung or the target unresponsive (interrupt it, or end the session)"));
                }
            }, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** The last lines gdb wrote to stderr, for error messages. */
    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = in.readLine()) != null) {
                transcript.accept(line);
                MiRecord record = MiParser.parse(line);
                sessionThread.execute(() -> dispatch(record));
            }
        } catch (IOException e) {
            // the pipe broke: gdb is gone; handled as end of output below
        }
        Integer status = null;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                status = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer finalStatus = status;
        try {
            sessionThread.execute(() -> closeOnSessionThread(finalStatus));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closed = true; // the session already shut its thread down
        }
    }

    private void stderrLoop() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                transcript.accept("stderr: " + line);
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > 20) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // gdb is gone
        }
    }

    private void dispatch(MiRecord record) {
        if (record instanceof MiRecord.Result r) {
            answer(r);
        } else if (record instanceof MiRecord.Async a) {
            handler.onAsync(a);
        } else if (record instanceof MiRecord.Stream s) {
            Pending<?> oldest;
            synchronized (pending) {
                oldest = pending.isEmpty() ? null : pending.values().iterator().next();
            }
            if (oldest != null) {
                oldest.streams().add(s);
            } else {
                handler.onUnsolicitedStream(s);
            }
        } else if (record instanceof MiRecord.Unknown u) {
            handler.onUnknown(u.line());
        }
    }

    private void answer(MiRecord.Result r) {
        if (r.token().isEmpty()) {
            return; // gdb's own ^exit or an answer to nothing we sent
        }
        Pending<?> p;
        synchronized (pending) {
            p = pending.remove(r.token().getAsLong());
        }
        if (p == null) {
            return; // the command already timed out
        }
        p.timeout()[0].cancel(false);
        complete(p, r);
    }

    private <R> void complete(Pending<R> p, MiRecord.Result r) {
        if (r.isError()) {
            fail(p, new MiErrorException(p.line(), r.errorMessage()));
            return;
        }
        R value;
        try {
            value = p.command().parseResult(r, p.streams());
        } catch (RuntimeException e) {
            fail(p, e instanceof DebugException ? e
                    : new DebugException("could not read gdb's answer to '" + p.line() + "': " + e.getMessage(), e));
            return;
        }
        p.onAnswer().accept(value, null);
        p.future().complete(value);
    }

    /** Fails from a thread other than the session thread: the callback must still run on the session thread. */
    private void failLater(Pending<?> p, Throwable error) {
        try {
            sessionThread.execute(() -> fail(p, error));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fail(p, error);
        }
    }

    private static <R> void fail(Pending<R> p, Throwable error) {
        p.onAnswer().accept(null, error);
        p.future().completeExceptionally(error);
    }

    private void closeOnSessionThread(Integer status) {
        List<Pending<?>> orphans;
        synchronized (pending) {
            closed = true;
            orphans = new ArrayList<>(pending.values());
            pending.clear();
        }
        String tail = stderrTail().strip();
        String why = "gdb exited" + (status == null ? "" : " with status " + status)
                + (tail.isEmpty() ? "" : " (it said: " + tail.replace('\n', ' ') + ")") + " before answering";
        for (Pending<?> p : orphans) {
            p.timeout()[0].cancel(false);
            fail(p, new DebugException(why + " '" + p.line() + "'"));
        }
        handler.onClosed(status, stderrTail());
    }
}
