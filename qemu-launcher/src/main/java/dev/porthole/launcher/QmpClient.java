package dev.porthole.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A QMP (QEMU Machine Protocol) client over one connected socket. QEMU sends a greeting, Porthole answers
 * {@code qmp_capabilities}, then commands ({@code {"execute": ..., "arguments": ..., "id": n}}) get a
 * {@code return} or {@code error} with the same id; events arrive at any time. Every JSON object is one line.
 *
 * <p>A reader thread only parses; events are delivered in order on one event thread, so a listener may call
 * {@link #execute} without deadlocking. Commands may be sent from any thread.
 */
public final class QmpClient implements AutoCloseable {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<QmpEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<QmpEvent> events = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ExecutorService eventThread;
    private volatile SocketChannel channel;
    private volatile String closedReason;
    private Thread reader;

    QmpClient(String threadNameSuffix) {
        this.eventThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qmp-events-" + threadNameSuffix);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects to a QMP server socket QEMU listens on (for a QEMU Porthole did not start). */
    public static QmpClient connect(java.nio.file.Path unixSocket, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        ch.connect(java.net.UnixDomainSocketAddress.of(unixSocket));
        QmpClient client = new QmpClient(unixSocket.getFileName().toString());
        client.attach(ch, "qmp-reader");
        client.handshake(timeout);
        return client;
    }

    /** Starts reading from a connected socket. */
    void attach(SocketChannel connected, String readerName) {
        this.channel = connected;
        reader = new Thread(this::readLoop, readerName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the greeting and negotiates capabilities; after this commands may be sent. */
    void handshake(Duration timeout) {
        try {
            greeting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new QmpException("QEMU sent no QMP greeting within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted waiting for the QMP greeting", e);
        } catch (ExecutionException e) {
            throw new QmpException("QMP connection closed before its greeting: " + e.getCause().getMessage(), e.getCause());
        }
        execute("qmp_capabilities", Map.of(), timeout);
    }

    /** The greeting QEMU sent ({@code {"QMP": {"version": ...}}}), once received. */
    public CompletableFuture<JsonNode> greeting() {
        return greeting;
    }

    public boolean isConnected() {
        return channel != null && !closed.isDone();
    }

    /** Completes when the connection is gone (QEMU exited, or {@link #close()}). */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public JsonNode execute(String command) {
        return execute(command, Map.of(), DEFAULT_COMMAND_TIMEOUT);
    }

    public JsonNode execute(String command, Map<String, ?> arguments) {
        return execute(command, arguments, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * Sends a command and waits for its answer.
     *
     * @return the {@code return} member
     * @throws QmpException QEMU's {@code error} (class and description), no answer within the timeout, or no connection
     */
    public JsonNode execute(String command, Map<String, ?> arguments, Duration timeout) {
        SocketChannel ch = channel;
        if (ch == null || closed.isDone()) {
            throw new QmpException("cannot send QMP '" + command + "': " + (closedReason != null ? closedReason : "QMP is not connected yet"),
                    (String) null);
        }
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("execute", command);
        if (arguments != null && !arguments.isEmpty()) {
            message.set("arguments", JSON.valueToTree(arguments));
        }
        message.put("id", id);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            byte[] bytes = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                JsonNode error = reply.get("error");
                throw new QmpException("QMP '" + command + "' failed: " + error.path("desc").asText() + " (" + error.path("class").asText() + ")",
                        error.path("class").asText());
            }
            return reply.path("return");
        } catch (IOException e) {
            throw new QmpException("cannot send QMP '" + command + "': " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new QmpException("QEMU did not answer QMP '" + command + "' within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted waiting for QMP '" + command + "'", e);
        } catch (ExecutionException e) {
            throw new QmpException("no answer to QMP '" + command + "': " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    public void cont() {
        execute("cont");
    }

    public void stop() {
        execute("stop");
    }

    /**
     * Resets the guest. Porthole runs QEMU with {@code -no-reboot} (a guest that triple-faults or reboots ends the run
     * instead of looping), under which QEMU turns every reset, this one too, into a shutdown. So the reboot action is
     * switched to {@code reset} for this request ({@code set-action}, QEMU 6.0+; QEMU decides when the request is made)
     * and back to {@code shutdown} right after.
     */
    public void systemReset() {
        boolean switched = false;
        try {
            execute("set-action", Map.of("reboot", "reset"));
            switched = true;
        } catch (QmpException e) {
            if (!"CommandNotFound".equals(e.errorClass())) {
                throw e;
            }
        }
        try {
            execute("system_reset");
        } finally {
            if (switched) {
                execute("set-action", Map.of("reboot", "shutdown"));
            }
        }
    }

    /** Asks QEMU to exit; the answer may race with the connection closing, which counts as success. */
    public void quit() {
        try {
            execute("quit");
        } catch (QmpException e) {
            if (!closed.isDone()) {
                throw e;
            }
        }
    }

    /** {@code query-status}: {@code {"running": bool, "singlestep": bool, "status": "running|paused|..."}}. */
    public JsonNode queryStatus() {
        return execute("query-status");
    }

    /** Runs a human monitor command ({@code info registers}, {@code xp /4x 0x1000}) and returns its text. */
    public String humanMonitorCommand(String commandLine) {
        return execute("human-monitor-command", Map.of("command-line", commandLine)).asText();
    }

    /** Events from now on, delivered in order on the event thread. */
    public void addEventListener(Consumer<QmpEvent> listener) {
        listeners.add(listener);
    }

    public void removeEventListener(Consumer<QmpEvent> listener) {
        listeners.remove(listener);
    }

    /** Every event received so far. */
    public List<QmpEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public boolean sawEvent(String name) {
        return events().stream().anyMatch(e -> e.name().equals(name));
    }

    @Override
    public void close() {
        markClosed("the QMP client was closed");
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Waits until the reader has seen the end of the connection, at most {@code timeout}. */
    void awaitReaderEnd(Duration timeout) {
        Thread r = reader;
        if (r != null) {
            try {
                r.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events already queued are delivered before this returns (bounded). */
    void drainEvents(Duration timeout) {
        try {
            if (eventThread.isShutdown()) {
                eventThread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                eventThread.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception ignored) {
            // best effort: a stuck listener must not hold up the exit
        }
    }

    void markClosed(String reason) {
        if (closedReason == null) {
            closedReason = reason;
        }
        IOException gone = new IOException(closedReason);
        greeting.completeExceptionally(gone);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        closed.complete(null);
        eventThread.shutdown();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                byte[] data = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (data[i] == '\n') {
                        handle(line.toString(StandardCharsets.UTF_8), System.nanoTime());
                        line.reset();
                    } else {
                        line.write(data[i]);
                    }
                }
            }
            markClosed("QEMU closed the QMP connection (QEMU has exited)");
        } catch (IOException e) {
            markClosed("the QMP connection failed: " + e.getMessage());
        }
    }

    private void handle(String text, long nanos) {
        if (text.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            System.err.println("porthole: QEMU sent a QMP line that is not JSON, skipped: " + text);
            return;
        }
        if (node.has("QMP")) {
            greeting.complete(node);
        } else if (node.has("event")) {
            JsonNode ts = node.path("timestamp");
            QmpEvent event = new QmpEvent(node.path("event").asText(), node.has("data") ? node.get("data") : JSON.createObjectNode(),
                    ts.path("seconds").asLong() * 1_000_000 + ts.path("microseconds").asLong(), nanos);
            synchronized (events) {
                events.add(event);
            }
            try {
                eventThread.execute(() -> listeners.forEach(l -> {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        System.err.println("porthole: a QMP event listener failed on " + event.name() + ": " + e);
                    }
                }));
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // closing
            }
        } else if (node.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(node.get("id").asLong());
            if (f != null) {
                f.complete(node);
            }
        }
    }
}
