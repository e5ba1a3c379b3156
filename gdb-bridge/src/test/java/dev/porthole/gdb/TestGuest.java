package dev.porthole.gdb;

import dev.porthole.kernel.SampleKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample kernel under QEMU (TCG, microvm), started paused with its gdbstub on a unix socket in a 0700
 * folder. Test-only: the same command line the launcher builds, so these tests do not wait on the launcher.
 */
final class TestGuest implements AutoCloseable {
    final Process qemu;
    final Path dir;
    final Path socket;
    final Path console;

    private TestGuest(Process qemu, Path dir) {
        this.qemu = qemu;
        this.dir = dir;
        this.socket = dir.resolve("gdb.sock");
        this.console = dir.resolve("console.txt");
    }

    static TestGuest start(String append) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("porthole-gdb-test-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("gdb.sock");
        Process qemu = new ProcessBuilder(List.of("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults",
                "-no-reboot", "-display", "none", "-serial", "file:" + dir.resolve("console.txt"),
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", SampleKernel.image().toString(),
                "-append", append, "-S", "-gdb", "unix:" + socket + ",server=on,wait=off"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.out").toFile()).start();
        TestGuest guest = new TestGuest(qemu, dir);
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            if (!qemu.isAlive()) {
                throw new IllegalStateException("QEMU exited at once: " + Files.readString(dir.resolve("qemu.out")));
            }
            Thread.sleep(10);
        }
        return guest;
    }

    GdbOptions gdbOptions() {
        return GdbOptions.forTarget(socket.toString(), SampleKernel.debugImage());
    }

    /** QEMU's status once the guest exited; isa-debug-exit makes it (code << 1) | 1. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!qemu.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the guest did not exit within " + seconds + " s");
        }
        return qemu.exitValue();
    }

    String console() throws IOException {
        return Files.exists(console) ? Files.readString(console) : "";
    }

    @Override
    public void close() throws IOException {
        qemu.destroyForcibly();
        try {
            qemu.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
