package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.cli.RunCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gives a clear message (CLI: stderr and a non-zero status), a complete run record where a guest ran, and no hang. */
class BadInputTest {
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bad-input-");
    }

    @Test
    void missingFile() {
        assertRefused(dir.resolve("nope.elf"), "does not exist");
    }

    @Test
    void directory() {
        assertRefused(dir, "is a directory");
    }

    @Test
    void emptyFile() throws Exception {
        assertRefused(Files.write(dir.resolve("empty.elf"), new byte[0]), "is empty");
    }

    @Test
    void peFile() throws Exception {
        byte[] pe = new byte[1024];
        pe[0] = 'M';
        pe[1] = 'Z';
        assertRefused(Files.write(dir.resolve("app.efi"), pe), "Windows PE");
    }

    @Test
    void machOFile() throws Exception {
        byte[] macho = new byte[1024];
        ByteBuffer.wrap(macho).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFEEDFACF);
        assertRefused(Files.write(dir.resolve("app.macho"), macho), "Mach-O");
    }

    @Test
    void arm64Elf() throws Exception {
        assertRefused(Files.write(dir.resolve("arm64.elf"), elfHeader(2, 183)), "arm64");
    }

    @Test
    void elf64WithoutPvhNoteIsRefusedWithTheReason() throws Exception {
        // the sample kernel's debug ELF is a real 64-bit x86 ELF without a PVH note
        LaunchException e = assertThrows(LaunchException.class, () -> ImageInspector.inspect(SampleKernel.debugImage()));
        assertTrue(e.getMessage().contains("no PVH note") && e.getMessage().contains("boot the image built beside it"), e.getMessage());
    }

    @Test
    void missingQemuBinary() {
        LaunchException e = assertThrows(LaunchException.class,
                () -> Guests.LAUNCHER.launch(Guests.kernel("app=hello").qemuBinary("qemu-system-nonesuch").build()));
        assertTrue(e.getMessage().contains("'qemu-system-nonesuch' was not found on PATH") && e.getMessage().contains("apt install"), e.getMessage());
        assertCliRefuses(List.of("--accel", "tcg", "--qemu", "/nonexistent/qemu"), "was not found or is not executable");
    }

    @Test
    void aBinaryThatIsNotQemuIsAQemuErrorNotAGuestExit() throws Exception {
        // /bin/false exits with status 1 at once, which is also what QEMU says for a guest's code 0
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").qemuBinary("false").build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(GuestExit.Reason.QEMU_ERROR, exit.reason(), exit.toString());
            assertTrue(exit.message().contains("before its monitor came up") && exit.message().contains("really QEMU"), exit.message());
            assertEquals("qemu-error", Guests.json(guest.runDir().resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    @Test
    void unusableRunsFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("runs-is-a-file"), "x");
        LaunchException e = assertThrows(LaunchException.class, () -> Guests.LAUNCHER.launch(Guests.kernel("app=hello").runsRoot(file).build()));
        assertTrue(e.getMessage().contains("cannot create the runs folder"), e.getMessage());
        Path readOnly = Files.createDirectory(dir.resolve("read-only"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!"root".equals(System.getProperty("user.name"))) { // root writes anywhere
            assertThrows(LaunchException.class, () -> Guests.LAUNCHER.launch(Guests.kernel("app=hello").runsRoot(readOnly).build()));
        }
    }

    @Test
    void unusablePorts() {
        assertThrows(IllegalArgumentException.class, () -> Guests.kernel("app=hello").jdwpGuestPort(0).build());
        assertThrows(IllegalArgumentException.class, () -> Guests.kernel("app=hello").jdwpGuestPort(70000).build());
        LaunchException e = assertThrows(LaunchException.class, () -> Guests.LAUNCHER.launch(Guests.kernel("app=hello").addExtraArgs("-s").build()));
        assertTrue(e.getMessage().contains("every network interface"), e.getMessage());
    }

    @Test
    void fiftyMegabytesOfGarbageWithoutANewline() throws Exception {
        Path fake = fakeQemu();
        long bytes = 50L * 1024 * 1024;
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").qemuBinary(fake.toString()).build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(GuestExit.Reason.EXIT, exit.reason(), exit.toString());
            assertEquals(bytes, Files.size(guest.runDir().resolve(RunRecord.SERIAL)), "every byte is in serial.log");
            assertEquals(bytes, guest.console().byteCount());
            assertEquals(bytes / SerialChannel.MAX_LINE_BYTES, guest.console().lineCount(), "lines are cut at the bound");
            List<SerialLine> kept = guest.console().lines();
            assertTrue(kept.stream().allMatch(l -> l.bytes().length == SerialChannel.MAX_LINE_BYTES));
            assertTrue(guest.console().droppedLines() > 0 && kept.size() * 3L * SerialChannel.MAX_LINE_BYTES <= SerialChannel.DEFAULT_RETAINED_BYTES,
                    "memory stays bounded: kept " + kept.size() + " lines, dropped " + guest.console().droppedLines());
            assertTrue(Files.exists(guest.runDir().resolve(RunRecord.EXIT)));
        }
        // the CLI streams it all and still ends with its JSON line
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        long[] count = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
                tail.write(b);
                if (tail.size() > 100_000) {
                    tail.reset();
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
                if (tail.size() + len > 100_000) {
                    tail.reset();
                }
                tail.write(b, off, len);
            }
        };
        int status = new RunCommand(Guests.LAUNCHER).run(List.of("--qemu", fake.toString(), "--accel", "tcg", "--runs", Guests.RUNS.toString(),
                "--json"), new PrintStream(counting), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        assertTrue(count[0] > bytes, "the console went to stdout");
        List<String> lines = new String(tail.toByteArray(), StandardCharsets.ISO_8859_1).lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"exit\":{\"reason\":\"exit\""), lines.get(lines.size() - 1));
    }

    @Test
    void aRealGuestPrintingGarbageWithoutANewline() throws Exception {
        // a tiny multiboot guest (src/test/resources/garbage-guest.S) writes 256 KiB of random bytes, never LF, to COM1
        // under real QEMU, without waiting for the UART between bytes; every byte must still arrive. 50 MB the same way
        // would take a minute under TCG, so the 50 MB case uses FakeQemu
        int count = 256 * 1024;
        Path source = Path.of("src", "test", "resources", "garbage-guest.S");
        Path object = dir.resolve("garbage.o");
        Path image = dir.resolve("garbage.elf");
        run("as", "--32", "--defsym", "COUNT=" + count, "-o", object.toString(), source.toString());
        run("ld", "-m", "elf_i386", "-Ttext", "0x100000", "-e", "_start", "-o", image.toString(), object.toString());
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("").image(image).build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(GuestExit.Reason.EXIT, exit.reason(), exit.toString());
            assertEquals(count, Files.size(guest.runDir().resolve(RunRecord.SERIAL)));
            assertEquals(count / SerialChannel.MAX_LINE_BYTES, guest.console().lineCount());
            assertTrue(guest.console().lines().stream().allMatch(l -> l.bytes().length == SerialChannel.MAX_LINE_BYTES));
            assertEquals("exit", Guests.json(guest.runDir().resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    static Path fakeQemu() throws Exception {
        Path script = dir.resolve("fake-qemu.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
                + FakeQemu.class.getName() + " \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private static void assertRefused(Path image, String expected) {
        LaunchException e = assertThrows(LaunchException.class, () -> Guests.LAUNCHER.launch(Guests.kernel("").image(image).build()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertCliRefuses(List.of(image.toString(), "--accel", "tcg"), expected);
    }

    private static void assertCliRefuses(List<String> args, String expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--runs", Guests.RUNS.toString()));
        int status;
        try {
            status = new RunCommand(Guests.LAUNCHER).run(all, new PrintStream(out), new PrintStream(err));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(RunCommand.STATUS_LAUNCH_REFUSED, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(expected), err.toString(StandardCharsets.UTF_8));
    }

    /** An ELF header (no program headers) of the given class (1 = 32-bit, 2 = 64-bit) and machine. */
    static byte[] elfHeader(int elfClass, int machine) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2);
        b.putShort((short) machine);
        return b.array();
    }
}
