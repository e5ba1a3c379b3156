package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The run record: every file, written as the run goes, in a private folder that is never reused. */
class RunRecordTest {
    @Test
    void aFinishedRunLeavesTheWholeRecord() throws Exception {
        LaunchSpec spec = Guests.kernel("app=hello").build();
        try (Guest guest = Guests.LAUNCHER.launch(spec)) {
            guest.awaitExit(Guests.WAIT);
            Path dir = guest.runDir();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}-\\d+"), dir.toString());
            assertEquals(Set.of("cmdline", "launch.json", "serial.log", "trace.log", "qemu-stderr.log", "timings.json", "exit.json"), names(dir),
                    "no temp files or sockets left behind");

            String cmdline = Files.readString(dir.resolve(RunRecord.CMDLINE)).strip();
            assertTrue(cmdline.contains("qemu-system-x86_64 -M microvm -accel tcg") && cmdline.contains("-append app=hello"), cmdline);
            assertEquals(String.join(" ", guest.argv().stream().map(RunRecord::shellQuote).toList()), cmdline);

            JsonNode launch = Guests.json(dir.resolve(RunRecord.LAUNCH));
            assertEquals("multiboot_elf32", launch.path("image_kind").asText());
            assertEquals("tcg", launch.path("accel").asText());
            assertEquals("tcg was requested", launch.path("accel_reason").asText());
            assertTrue(launch.path("debug_image").asText().endsWith("porthole.dbg"));

            assertTrue(Files.readString(dir.resolve(RunRecord.SERIAL)).contains("Hello from Porthole!\r\n"));
            assertTrue(Files.readString(dir.resolve(RunRecord.TRACE)).startsWith("#porthole-trace 1 tsc_hz="));

            JsonNode timings = Guests.json(dir.resolve(RunRecord.TIMINGS));
            for (String stamp : new String[] {"spawn", "first_console_byte", "first_trace_line", "exit"}) {
                assertTrue(timings.path("nanos").has(stamp), stamp + " in " + timings);
            }
            assertEquals(guest.timings().exit().getAsLong(), timings.path("nanos").path("exit").asLong());
            assertEquals("exit", Guests.json(dir.resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    @Test
    void aRunningGuestAlreadyHasItsLogAndNoExitYet() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).build())) {
            guest.awaitConsoleLine(l -> l.text().contains("booting app=compute"), Guests.WAIT).orElseThrow();
            Path dir = guest.runDir();
            assertTrue(Files.readString(dir.resolve(RunRecord.SERIAL)).contains("booting app=compute"), "serial.log is written as bytes arrive");
            assertTrue(Files.exists(dir.resolve(RunRecord.CMDLINE)));
            assertFalse(Files.exists(dir.resolve(RunRecord.EXIT)), "exit.json appears only when the run ends");
            guest.kill();
            guest.awaitExit(Guests.WAIT);
            assertEquals("killed", Guests.json(dir.resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    @Test
    void runFoldersAreNeverReused() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "runs-");
        RunRecord first = RunRecord.create(root);
        RunRecord second = RunRecord.create(root);
        assertNotEquals(first.dir(), second.dir());
        first.writeJson("x.json", java.util.Map.of("a", 1));
        first.writeJson("x.json", java.util.Map.of("a", 2));
        assertEquals(2, Guests.json(first.file("x.json")).path("a").asInt());
        assertEquals(Set.of("x.json"), names(first.dir()), "the atomic replace leaves no temp file");
    }

    @Test
    void aLongRunsFolderStillGetsWorkingSockets() throws Exception {
        Path deep = Path.of("target", "deep-runs", "a".repeat(60), "b".repeat(60));
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").runsRoot(deep).gdbStub(true).timeout(Duration.ofSeconds(60)).build())) {
            assertTrue(guest.runDir().toString().length() > 108);
            assertTrue(guest.gdb().orElseThrow().target().length() <= 108, guest.gdb().toString());
            assertEquals(GuestExit.Reason.EXIT, guest.awaitExit(Guests.WAIT).reason());
            assertTrue(guest.console().text().contains("Hello from Porthole!"));
        }
    }

    private static Set<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
