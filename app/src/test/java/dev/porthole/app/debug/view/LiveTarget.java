package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.kernel.SampleKernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real teaching kernel under QEMU (TCG, paused at reset, gdbstub on a unix socket in a private 0700 folder) with
 * a real gdb attached through {@link GdbDebugSession}. Tests drive it with the session's own futures.
 */
final class LiveTarget implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final Process qemu;
    final GdbDebugSession session;
    private final Path dir;

    private LiveTarget(Process qemu, GdbDebugSession session, Path dir) {
        this.qemu = qemu;
        this.session = session;
        this.dir = dir;
    }

    /** Boots {@code app=<app>} paused and attaches gdb; the target is stopped at the reset vector. */
    static LiveTarget boot(String app) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("porthole-debugpanels-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("gdb.sock");
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults",
                "-no-reboot", "-display", "none", "-serial", "file:" + dir.resolve("console.txt"),
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-m", "64",
                "-kernel", SampleKernel.image().toString(), "-append", "app=" + app,
                "-S", "-gdb", "unix:" + socket + ",server=on,wait=off"));
        Process qemu = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        // QEMU creates the socket before it starts listening; wait for the file, not a fixed time
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(socket)) {
            if (!qemu.isAlive()) {
                throw new IOException("QEMU exited (" + qemu.exitValue() + ") before opening its gdb socket: "
                        + Files.readString(dir.resolve("qemu.log")));
            }
            if (System.nanoTime() > deadline) {
                qemu.destroyForcibly();
                throw new IOException("QEMU did not open " + socket + " within " + WAIT);
            }
            Thread.sleep(20);
        }
        try {
            GdbOptions options = GdbOptions.forTarget(socket.toString(), SampleKernel.debugImage());
            String transcript = System.getProperty("porthole.mi.transcript");
            if (transcript != null) {
                // every MI line, for finding out what gdb was asked and said
                java.io.PrintStream log = new java.io.PrintStream(new java.io.FileOutputStream(transcript), true);
                options = options.withTranscript(line -> {
                    synchronized (log) {
                        log.println(System.nanoTime() / 1_000_000 + " " + line);
                    }
                });
            }
            GdbDebugSession session = GdbDebugSession.start(options);
            return new LiveTarget(qemu, session, dir);
        } catch (RuntimeException e) {
            qemu.destroyForcibly();
            throw e;
        }
    }

    /** Breaks at {@code function} and continues there; the stop. */
    DebugEvent.Stopped runTo(String function) throws Exception {
        session.insertBreakpoint(dev.porthole.gdb.BreakpointSpec.at(function)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return session.resume().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            qemu.destroy();
            try {
                if (!qemu.waitFor(5, TimeUnit.SECONDS)) {
                    qemu.destroyForcibly();
                }
            } catch (InterruptedException e) {
                qemu.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp folder is harmless
            }
        }
    }
}
