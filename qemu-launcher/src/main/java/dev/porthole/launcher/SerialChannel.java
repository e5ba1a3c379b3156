package dev.porthole.launcher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A byte stream from the guest (console or trace) cut into lines. Bytes in, lines out: each LF ends a line; a line
 * reaching {@link #MAX_LINE_BYTES} is cut there, so a guest printing garbage without newlines never makes Porthole
 * buffer without limit. Lines are kept in memory up to {@link #retainedByteLimit()} bytes (older ones are dropped
 * and counted); every byte is also in the run record ({@code serial.log}, {@code trace.log}).
 *
 * <p>Listeners run on the channel's reader thread, in line order; keep them short (a slow listener slows the
 * guest, it never loses lines). They run outside the lock that guards the lines and counts: a listener that waits
 * (for the FX thread, say) never makes {@link #lines()} or {@link #lineCount()} wait on another thread. Thread-safe.
 */
public final class SerialChannel {
    public static final int MAX_LINE_BYTES = 64 * 1024;
    public static final long DEFAULT_RETAINED_BYTES = 16L * 1024 * 1024;

    private final String name;
    private final long retainedByteLimit;
    /** Guards the lines, the counts and the partial line. */
    private final Object lock = new Object();
    /** Held while lines are delivered: listeners get each line once, in order, whenever they were added. */
    private final Object delivery = new Object();
    private final ArrayDeque<SerialLine> retained = new ArrayDeque<>();
    private final List<Consumer<SerialLine>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final byte[] pending = new byte[MAX_LINE_BYTES];
    private int pendingLength;
    private long retainedBytes;
    private long droppedLines;
    private long lineCount;
    private long byteCount;

    public SerialChannel(String name) {
        this(name, DEFAULT_RETAINED_BYTES);
    }

    public SerialChannel(String name, long retainedByteLimit) {
        this.name = name;
        this.retainedByteLimit = retainedByteLimit;
    }

    /** {@code console} or {@code trace}. */
    public String name() {
        return name;
    }

    /**
     * Delivers every line still retained, then every new line as it arrives, in order, without gaps or repeats
     * (lines dropped by the retention limit before the call are not replayed).
     */
    public void addListener(Consumer<SerialLine> listener) {
        synchronized (delivery) {
            // Lines emitted after this copy are delivered after this call, to every listener then added.
            for (SerialLine line : lines()) {
                deliver(listener, line);
            }
            listeners.add(listener);
        }
    }

    public void removeListener(Consumer<SerialLine> listener) {
        listeners.remove(listener);
    }

    /** The lines received so far (within the retention limit), oldest first. */
    public List<SerialLine> lines() {
        synchronized (lock) {
            return new ArrayList<>(retained);
        }
    }

    /** The retained lines' text joined with newlines: handy in tests and messages. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (SerialLine line : lines()) {
            all.append(line.text()).append('\n');
        }
        return all.toString();
    }

    public long lineCount() {
        synchronized (lock) {
            return lineCount;
        }
    }

    public long byteCount() {
        synchronized (lock) {
            return byteCount;
        }
    }

    /** Lines dropped from memory by the retention limit (they are still in the run record). */
    public long droppedLines() {
        synchronized (lock) {
            return droppedLines;
        }
    }

    public long retainedByteLimit() {
        return retainedByteLimit;
    }

    /** Completes when the guest side is closed (QEMU exited) and the last partial line was delivered. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /**
     * Waits for a line matching {@code test}, looking at retained lines first. Empty when the channel closed or the
     * timeout passed without one.
     */
    public java.util.Optional<SerialLine> awaitLine(java.util.function.Predicate<SerialLine> test, java.time.Duration timeout)
            throws InterruptedException {
        CompletableFuture<SerialLine> found = new CompletableFuture<>();
        Consumer<SerialLine> watcher = line -> {
            if (!found.isDone() && test.test(line)) {
                found.complete(line);
            }
        };
        addListener(watcher);
        closed.thenRun(() -> found.complete(null));
        try {
            return java.util.Optional.ofNullable(found.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            removeListener(watcher);
        }
    }

    /** Feeds bytes that arrived at {@code nanos}. Called by the reader thread. */
    void accept(byte[] buffer, int offset, int length, long nanos) {
        synchronized (delivery) {
            List<SerialLine> emitted = new ArrayList<>();
            synchronized (lock) {
                byteCount += length;
                for (int i = offset; i < offset + length; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emitted.add(emit(nanos));
                    } else {
                        pending[pendingLength++] = b;
                        if (pendingLength == MAX_LINE_BYTES) {
                            emitted.add(emit(nanos));
                        }
                    }
                }
            }
            deliverToAll(emitted);
        }
    }

    /** The guest side closed: a last line without LF is delivered, then {@link #closed()} completes. */
    void close(long nanos) {
        synchronized (delivery) {
            List<SerialLine> emitted = new ArrayList<>();
            synchronized (lock) {
                if (pendingLength > 0) {
                    emitted.add(emit(nanos));
                }
            }
            deliverToAll(emitted);
        }
        closed.complete(null);
    }

    /** Ends the partial line: counts and retains it; the caller delivers it once out of the lock. */
    private SerialLine emit(long nanos) {
        byte[] bytes = java.util.Arrays.copyOf(pending, pendingLength);
        pendingLength = 0;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r", "");
        }
        SerialLine line = new SerialLine(nanos, bytes, text);
        lineCount++;
        retained.addLast(line);
        retainedBytes += cost(bytes.length);
        while (retainedBytes > retainedByteLimit && retained.size() > 1) {
            SerialLine old = retained.removeFirst();
            retainedBytes -= cost(old.bytes().length);
            droppedLines++;
        }
        return line;
    }

    private void deliverToAll(List<SerialLine> lines) {
        for (SerialLine line : lines) {
            for (Consumer<SerialLine> listener : listeners) {
                deliver(listener, line);
            }
        }
    }

    /** Heap a retained line costs: its bytes, its decoded text (2 bytes a char) and the objects around them. */
    private static long cost(int length) {
        return 3L * length + 96;
    }

    private void deliver(Consumer<SerialLine> listener, SerialLine line) {
        try {
            listener.accept(line);
        } catch (RuntimeException e) {
            // one broken listener must not stop the channel or the others
            System.err.println("porthole: a " + name + " listener failed and was skipped for one line: " + e);
        }
    }
}
