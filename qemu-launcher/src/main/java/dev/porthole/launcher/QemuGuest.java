package dev.porthole.launcher;

import dev.porthole.launcher.HostTimings.Stamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The {@link Guest} behind {@link QemuLauncher}: one QEMU process, its console and trace pipes ({@link GuestPipe}),
 * its QMP socket, the threads that watch them, and the run record they fill.
 */
final class QemuGuest implements Guest {
    private static final Duration QMP_READY_LIMIT = Duration.ofSeconds(10);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(3);
    private static final Duration ACCEPT_AFTER_EXIT_LIMIT = Duration.ofSeconds(5);
    private static final Duration TIMINGS_WRITE_DELAY = Duration.ofMillis(20);
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "porthole-guest-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final LaunchSpec spec;
    private final ImageInfo image;
    private final AccelProbe.Verdict accel;
    private final List<String> argv;
    private final RunRecord record;
    private final Path socketDir;
    private final OptionalInt jdwpHostPort;
    private final HostTimings timings = new HostTimings();
    private final SerialChannel console = new SerialChannel("console");
    private final SerialChannel trace = new SerialChannel("trace");
    private final QmpClient qmp;
    private final CompletableFuture<GuestExit> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> qmpReady = new CompletableFuture<>();
    private final AtomicBoolean killedByUs = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final List<GuestPipe> pipes = new ArrayList<>();
    /** Completes when QEMU's QMP connection was accepted (or the socket closed without one). */
    private final List<CompletableFuture<Void>> accepted = new ArrayList<>();
    private final List<Selector> selectors = new ArrayList<>();
    private volatile boolean processGone;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final AtomicBoolean timingsWritePending = new AtomicBoolean();
    private volatile Process process;

    private QemuGuest(LaunchSpec spec, ImageInfo image, AccelProbe.Verdict accel, List<String> argv, RunRecord record, Path socketDir,
            OptionalInt jdwpHostPort) {
        this.spec = spec;
        this.image = image;
        this.accel = accel;
        this.argv = List.copyOf(argv);
        this.record = record;
        this.socketDir = socketDir;
        this.jdwpHostPort = jdwpHostPort;
        String id = record.dir().getFileName().toString();
        this.qmp = new QmpClient(id);
    }

    static Guest start(LaunchSpec spec, ImageInfo image, AccelProbe.Verdict accel, List<String> argv, RunRecord record, Path socketDir,
            OptionalInt jdwpHostPort) throws LaunchException {
        QemuGuest guest = new QemuGuest(spec, image, accel, argv, record, socketDir, jdwpHostPort);
        guest.startAndWaitForQmp();
        return guest;
    }

    private boolean timingsFinal; // guarded by this

    private void startAndWaitForQmp() throws LaunchException {
        // Stamps come in bursts (first byte, first trace line, QMP ready within a few ms): write timings.json once
        // per burst, off the stamping thread, so the record costs the guest next to no CPU while it boots.
        timings.onChange(() -> {
            if (timingsWritePending.compareAndSet(false, true)) {
                TIMERS.schedule(() -> {
                    timingsWritePending.set(false);
                    writeTimings();
                }, TIMINGS_WRITE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        trace.addListener(line -> timings.stamp(Stamp.FIRST_TRACE_LINE, line.hostNanos()));
        try {
            Path consoleFifo = socketDir.resolve(QemuLauncher.CONSOLE_FIFO);
            Path traceFifo = socketDir.resolve(QemuLauncher.TRACE_FIFO);
            GuestPipe.make(consoleFifo, traceFifo);
            ServerSocketChannel qmpServer = listen(QemuLauncher.QMP_SOCKET);
            FileChannel serialLog = FileChannel.open(record.file(RunRecord.SERIAL), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileChannel traceLog = FileChannel.open(record.file(RunRecord.TRACE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            String id = record.dir().getFileName().toString();
            pipes.add(new GuestPipe(consoleFifo, console, serialLog, now -> timings.stamp(Stamp.FIRST_CONSOLE_BYTE, now), "porthole-console-" + id));
            pipes.add(new GuestPipe(traceFifo, trace, traceLog, now -> { }, "porthole-trace-" + id));
            pipes.forEach(GuestPipe::start);
            CompletableFuture<Void> qmpConnected = new CompletableFuture<>();
            accepted.add(qmpConnected);
            Thread qmpThread = new Thread(() -> acceptQmp(qmpServer, qmpConnected), "porthole-qmp-accept-" + record.dir().getFileName());
            qmpThread.setDaemon(true);
            qmpThread.start();
        } catch (IOException e) {
            closeServers();
            throw fail("cannot make the console and trace pipes or the QMP socket in " + socketDir + " (" + e.getMessage()
                    + "); check that the runs folder is on a local file system that allows named pipes and unix sockets", e);
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(record.file(RunRecord.QEMU_STDERR).toFile());
        try {
            process = ChildProcesses.start(builder, () -> timings.stamp(Stamp.SPAWN, System.nanoTime()));
        } catch (IOException e) {
            closeServers();
            throw fail("cannot start QEMU (" + argv.get(0) + "): " + e.getMessage(), e);
        }
        // stamped on the JVM's reaper thread the moment it reaps QEMU, one thread hop before the waiter below wakes
        process.onExit().thenRun(() -> timings.stamp(Stamp.EXIT, System.nanoTime()));
        Thread waiter = new Thread(this::awaitProcessEnd, "porthole-guest-exit-" + record.dir().getFileName());
        waiter.setDaemon(true);
        waiter.start();
        if (spec.hasTimeout()) {
            ScheduledFuture<?> timer = TIMERS.schedule(this::timeOut, spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
            exit.whenComplete((e, t) -> timer.cancel(false));
        }
        try {
            CompletableFuture.anyOf(qmpReady, process.onExit()).get(QMP_READY_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            kill();
            throw new LaunchException("QEMU (pid " + process.pid() + ") did not answer QMP within " + QMP_READY_LIMIT.toSeconds()
                    + " s, so Porthole killed it; see " + record.file(RunRecord.QEMU_STDERR), record.dir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new LaunchException("interrupted while QEMU started; it was killed", record.dir(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            // the QMP handshake failed: QEMU is dying; the exit decoding tells why
        }
    }

    private LaunchException fail(String message, Exception cause) {
        GuestExit failed = new GuestExit(GuestExit.Reason.QEMU_ERROR, -1, message, -1);
        writeFinalTimings();
        writeExit(failed, readStderr());
        qmp.markClosed(message);
        pipes.forEach(GuestPipe::releaseIfUnopened); // readers already waiting on the pipes read end-of-file and close their logs
        cleanUpSockets();
        exit.complete(failed);
        return new LaunchException(message + " (run record: " + record.dir() + ")", record.dir(), cause);
    }

    private ServerSocketChannel listen(String name) throws IOException {
        Path path = socketDir.resolve(name);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        servers.add(server);
        server.bind(UnixDomainSocketAddress.of(path), 1);
        return server;
    }

    /**
     * Accepts QEMU's connection; null when QEMU is gone without having made one. Non-blocking with a selector, so the
     * exit path can wake it and still take a connection that waits in the backlog (closing the socket would drop it).
     */
    private SocketChannel acceptUnlessGone(ServerSocketChannel server) throws IOException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            synchronized (selectors) {
                selectors.add(selector);
            }
            try {
                while (true) {
                    boolean gone = processGone;
                    SocketChannel connection = server.accept();
                    if (connection != null) {
                        connection.configureBlocking(true);
                        return connection;
                    }
                    if (gone) {
                        return null;
                    }
                    selector.select();
                    selector.selectedKeys().clear();
                }
            } finally {
                synchronized (selectors) {
                    selectors.remove(selector);
                }
            }
        }
    }

    private void acceptQmp(ServerSocketChannel server, CompletableFuture<Void> connected) {
        try {
            SocketChannel connection;
            try {
                connection = acceptUnlessGone(server);
            } finally {
                closeAndUnlink(server);
            }
            if (connection == null) {
                throw new IOException("QEMU exited without connecting to the QMP socket");
            }
            qmp.attach(connection, "porthole-qmp-" + record.dir().getFileName());
            connected.complete(null);
            qmp.handshake(QMP_READY_LIMIT);
            timings.stamp(Stamp.QMP_READY, System.nanoTime());
            qmpReady.complete(null);
        } catch (IOException | RuntimeException e) {
            connected.complete(null);
            qmp.markClosed("QMP never became ready: " + e.getMessage());
            qmpReady.completeExceptionally(e);
        }
    }

    private void awaitProcessEnd() {
        int status;
        while (true) {
            try {
                status = process.waitFor();
                break;
            } catch (InterruptedException e) {
                // this thread is ours; keep waiting
            }
        }
        timings.stamp(Stamp.EXIT, System.nanoTime());
        try {
            String stderr = readStderr();
            // A connection QEMU made may still wait in a socket's backlog when a starved reader has not accepted it
            // yet; closing the socket then would drop it and the bytes in it. So wake the acceptors: each takes what
            // waits or gives up, and only then is what is left closed.
            processGone = true;
            synchronized (selectors) {
                selectors.forEach(Selector::wakeup);
            }
            try {
                CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(ACCEPT_AFTER_EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stuck) {
                // a starved thread: closing below ends it
            }
            closeServers();
            for (GuestPipe pipe : pipes) {
                pipe.releaseIfUnopened();
            }
            for (GuestPipe pipe : pipes) {
                pipe.join(DRAIN_LIMIT);
            }
            qmp.awaitReaderEnd(DRAIN_LIMIT);
            boolean monitorCameUp = qmp.greeting().isDone() && !qmp.greeting().isCompletedExceptionally();
            qmp.markClosed("QEMU has exited");
            qmp.drainEvents(DRAIN_LIMIT);
            GuestExit decoded = GuestExitDecoder.decode(status, stderr, killedByUs.get(), timedOut.get(), qmp.sawEvent(QmpEvent.GUEST_PANICKED),
                    monitorCameUp, spec.timeout().toMillis() / 1000.0);
            cleanUpSockets(); // before the exit is announced: a finished run folder holds the record only
            writeFinalTimings();
            writeExit(decoded, stderr);
            exit.complete(decoded);
        } catch (Throwable t) {
            cleanUpSockets();
            exit.completeExceptionally(t);
        }
    }

    private String readStderr() {
        try {
            byte[] bytes = Files.readAllBytes(record.file(RunRecord.QEMU_STDERR));
            int max = 64 * 1024;
            String text = new String(bytes, 0, Math.min(bytes.length, max), StandardCharsets.UTF_8);
            return bytes.length > max ? text + "\n[... " + (bytes.length - max) + " more bytes in " + RunRecord.QEMU_STDERR + "]" : text;
        } catch (IOException e) {
            return "";
        }
    }

    private void timeOut() {
        if (!exit.isDone() && process.isAlive()) {
            timedOut.set(true);
            process.destroyForcibly();
        }
    }

    /** The last timings.json: written once everything is drained; a burst write still scheduled then does nothing. */
    private synchronized void writeFinalTimings() {
        writeTimings();
        timingsFinal = true;
    }

    private synchronized void writeTimings() {
        if (timingsFinal) {
            return; // the run record is finished: nothing may appear in its folder after the exit is announced
        }
        try {
            record.writeJson(RunRecord.TIMINGS, timings.toJson());
        } catch (IOException e) {
            System.err.println("porthole: cannot write " + record.file(RunRecord.TIMINGS) + ": " + e.getMessage());
        }
    }

    private void writeExit(GuestExit decoded, String stderr) {
        Map<String, Object> json = new LinkedHashMap<>(decoded.toJson());
        json.put("pid", process == null ? null : process.pid());
        json.put("console_bytes", console.byteCount());
        json.put("console_lines", console.lineCount());
        json.put("trace_lines", trace.lineCount());
        json.put("qemu_stderr", stderr);
        try {
            record.writeJson(RunRecord.EXIT, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record.file(RunRecord.EXIT), e);
        }
    }

    private void closeServers() {
        for (ServerSocketChannel server : servers) {
            closeAndUnlink(server);
        }
    }

    private void closeAndUnlink(ServerSocketChannel server) {
        try {
            Object address = server.isOpen() ? server.getLocalAddress() : null;
            server.close();
            if (address instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void cleanUpSockets() {
        try {
            for (String name : List.of(QemuLauncher.CONSOLE_FIFO, QemuLauncher.TRACE_FIFO, QemuLauncher.QMP_SOCKET, QemuLauncher.GDB_SOCKET)) {
                Files.deleteIfExists(socketDir.resolve(name));
            }
            if (!socketDir.equals(record.dir())) {
                try (Stream<Path> left = Files.walk(socketDir)) {
                    left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // best effort: sockets of a dead QEMU are harmless
        }
    }

    @Override
    public QmpClient qmp() {
        return qmp;
    }

    @Override
    public SerialChannel console() {
        return console;
    }

    @Override
    public SerialChannel trace() {
        return trace;
    }

    @Override
    public Optional<GdbEndpoint> gdb() {
        return spec.gdbStub() ? Optional.of(new GdbEndpoint(socketDir.resolve(QemuLauncher.GDB_SOCKET).toString())) : Optional.empty();
    }

    @Override
    public OptionalInt jdwpHostPort() {
        return jdwpHostPort;
    }

    @Override
    public CompletableFuture<GuestExit> exit() {
        return exit;
    }

    @Override
    public HostTimings timings() {
        return timings;
    }

    @Override
    public Path runDir() {
        return record.dir();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Accel accel() {
        return accel.accel();
    }

    @Override
    public String accelReason() {
        return accel.reason();
    }

    @Override
    public Machine machine() {
        return spec.machine();
    }

    @Override
    public ImageInfo image() {
        return image;
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public void resume() {
        long before = System.nanoTime();
        qmp.cont();
        timings.stamp(Stamp.CONT, before);
    }

    @Override
    public void kill() {
        Process p = process;
        if (p != null && p.isAlive() && !exit.isDone()) {
            killedByUs.set(true);
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            exit.get(DRAIN_LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // the record is as complete as it could be made
        }
    }

    @Override
    public String toString() {
        return "Guest[pid " + (process == null ? "?" : process.pid()) + ", " + spec.machine().qemuName() + "/" + accel.accel().qemuName() + ", "
                + record.dir() + "]";
    }
}
