package dev.porthole.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots the sample kernel once under plain QEMU (TCG), console and trace to files, and keeps what it said.
 * Deliberately independent of qemu-launcher: these tests pin down the kernel's own contract.
 */
record GuestRun(int status, String console, List<String> trace, boolean timedOut) {
    static final long TIMEOUT_SECONDS = 60;

    static GuestRun boot(Path image, String machine, String append, Path workDir) throws IOException, InterruptedException {
        Path console = workDir.resolve("console-" + System.nanoTime() + ".log");
        Path trace = workDir.resolve("trace-" + System.nanoTime() + ".log");
        List<String> argv = new ArrayList<>(List.of("qemu-system-x86_64", "-M", machine, "-accel", "tcg",
                "-nodefaults", "-no-reboot", "-display", "none", "-m", "64",
                "-serial", "file:" + console,
                "-debugcon", "file:" + trace,
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-kernel", image.toString()));
        if (append != null) {
            argv.add("-append");
            argv.add(append);
        }
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("qemu-stderr.log").toFile()).start();
        boolean exited = qemu.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            qemu.destroyForcibly().waitFor();
        }
        String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "";
        List<String> lines = Files.exists(trace) ? Files.readAllLines(trace, StandardCharsets.ISO_8859_1) : List.of();
        return new GuestRun(exited ? qemu.exitValue() : -1, text, lines, !exited);
    }

    /** The guest's own exit code, decoded from isa-debug-exit's {@code (code << 1) | 1}. */
    int guestCode() {
        if ((status & 1) == 0) {
            throw new AssertionError("QEMU status " + status + " is not an isa-debug-exit status; console:\n" + console);
        }
        return status >> 1;
    }
}
