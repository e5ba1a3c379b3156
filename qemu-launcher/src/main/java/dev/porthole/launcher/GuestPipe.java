package dev.porthole.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * One guest output channel as QEMU writes it: a named pipe ({@code -chardev file,path=FIFO}) read by a thread of
 * ours, every chunk appended to its raw log in the run record, then cut into lines by a {@link SerialChannel}.
 *
 * <p>Why a FIFO and not a socket: QEMU writes a FIFO with blocking writes, so a slow reader only slows the guest.
 * Through a socket chardev QEMU's 16550 model drops a byte whenever the socket is momentarily full and the guest
 * writes the next one without waiting for LSR.THRE, as many small kernels do (a 1-byte write fills a unix socket's
 * buffer hundreds of times faster than its byte count suggests).
 */
final class GuestPipe {
    private final Path fifo;
    private final SerialChannel channel;
    private final FileChannel log;
    private final LongConsumer onFirstBytes;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final Thread reader;

    /**
     * @param onFirstBytes called with the arrival time of every chunk (for first-byte stamps; must be cheap)
     */
    GuestPipe(Path fifo, SerialChannel channel, FileChannel log, LongConsumer onFirstBytes, String threadName) {
        this.fifo = fifo;
        this.channel = channel;
        this.log = log;
        this.onFirstBytes = onFirstBytes;
        this.reader = new Thread(this::read, threadName);
        this.reader.setDaemon(true);
    }

    /** Makes named pipes, mode 0600 (Java has no mkfifo; coreutils does). */
    static void make(Path... fifos) throws IOException {
        List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
        for (Path fifo : fifos) {
            command.add(fifo.toString());
        }
        Process mkfifo = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making named pipes", e);
        }
    }

    /** Starts the reader; it waits for QEMU to open the pipe's other end. */
    void start() {
        reader.start();
    }

    /**
     * For a QEMU that exited without opening the pipe: opening it read-write once never blocks on Linux, counts as
     * the writer the waiting reader needs, and closing it leaves the reader at end-of-file.
     */
    void releaseIfUnopened() {
        if (!opened.isDone()) {
            try {
                FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
            } catch (IOException ignored) {
                // the pipe is gone: nobody waits on it
            }
        }
    }

    /** Waits for the reader to reach end-of-file and deliver the last line. */
    void join(Duration limit) throws InterruptedException {
        reader.join(limit.toMillis());
    }

    private void read() {
        try (log) {
            FileChannel pipe;
            try {
                pipe = FileChannel.open(fifo, StandardOpenOption.READ); // blocks until QEMU opens the other end
            } finally {
                opened.complete(null);
            }
            try (pipe) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (true) {
                    buffer.clear();
                    int n = pipe.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    long now = System.nanoTime();
                    onFirstBytes.accept(now);
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        log.write(buffer);
                    }
                    channel.accept(buffer.array(), 0, n, now);
                }
            }
        } catch (IOException e) {
            System.err.println("porthole: reading the guest's " + channel.name() + " from " + fifo + " failed: " + e.getMessage());
        } finally {
            channel.close(System.nanoTime());
        }
    }
}
