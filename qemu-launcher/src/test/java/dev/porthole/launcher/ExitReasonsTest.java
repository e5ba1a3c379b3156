package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.porthole.launcher.GuestExit.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every exit reason, produced for real: the sample kernel under QEMU TCG. */
class ExitReasonsTest {
    @Test
    void helloExitsWithCodeZero() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.EXIT, exit.reason(), exit.toString());
            assertEquals(0, exit.code());
            assertEquals(1, exit.qemuStatus());
            assertTrue(exit.success());
            assertTrue(guest.console().text().contains("Hello from Porthole!"), guest.console().text());
            JsonNode record = Guests.json(guest.runDir().resolve(RunRecord.EXIT));
            assertEquals("exit", record.path("reason").asText());
            assertEquals(0, record.path("code").asInt());
        }
    }

    @Test
    void faultIsAPanicWithTheKernelsPanicCode() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=fault").build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.PANIC, exit.reason(), exit.toString());
            assertEquals(GuestExit.KERNEL_PANIC_CODE, exit.code());
            assertEquals(7, exit.qemuStatus());
            assertFalse(exit.success());
            assertEquals("panic", Guests.json(guest.runDir().resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    @Test
    void usageErrorIsAnExitWithCodeTwo() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=nonesuch").build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(new GuestExit(Reason.EXIT, 2, "the guest exited with code 2", 5), exit);
            assertTrue(guest.console().text().contains("unknown app 'nonesuch'"), guest.console().text());
        }
    }

    @Test
    void aLoopingGuestTimesOut() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).timeout(Duration.ofSeconds(2)).build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.TIMEOUT, exit.reason(), exit.toString());
            assertTrue(exit.message().contains("2 s timeout"), exit.message());
            assertTrue(guest.timings().exit().getAsLong() - guest.timings().spawn().getAsLong() >= Duration.ofSeconds(2).toNanos(),
                    "not killed before its time");
            assertEquals("timeout", Guests.json(guest.runDir().resolve(RunRecord.EXIT)).path("reason").asText());
        }
    }

    @Test
    void killIsReportedAsKilled() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).build())) {
            guest.awaitConsoleLine(l -> l.text().contains("booting"), Guests.WAIT).orElseThrow();
            guest.kill();
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.KILLED, exit.reason(), exit.toString());
            assertEquals(128 + 9, exit.qemuStatus());
        }
    }

    @Test
    void qemuKilledFromOutsideIsKilledToo() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).build())) {
            Process kill = new ProcessBuilder("kill", "-KILL", String.valueOf(guest.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.KILLED, exit.reason(), exit.toString());
            assertTrue(exit.message().contains("signal 9"), exit.message());
        }
    }

    @Test
    void qmpQuitIsAShutdown() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).paused(true).build())) {
            guest.qmp().quit();
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.SHUTDOWN, exit.reason(), exit.toString());
            assertEquals(0, exit.code());
            assertTrue(guest.qmp().sawEvent(QmpEvent.SHUTDOWN), "QEMU announced the shutdown");
        }
    }

    @Test
    void pvpanicIsAPanic() throws Exception {
        // the sample kernel does not use pvpanic; write its I/O port (0x505) through the monitor, as a guest driver would
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).build())) {
            guest.awaitConsoleLine(l -> l.text().contains("booting"), Guests.WAIT).orElseThrow();
            guest.qmp().humanMonitorCommand("o /b 0x505 1");
            GuestExit exit;
            try {
                exit = guest.awaitExit(Duration.ofSeconds(5));
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                guest.qmp().quit(); // QEMU's panic action paused the guest instead of ending it
                exit = guest.awaitExit(Guests.WAIT);
            }
            assertTrue(guest.qmp().sawEvent(QmpEvent.GUEST_PANICKED), guest.qmp().events().toString());
            assertEquals(Reason.PANIC, exit.reason(), exit.toString());
        }
    }

    @Test
    void aBadQemuOptionIsAQemuErrorWithQemusOwnMessage() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").addExtraArgs("-device", "no-such-device").build())) {
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(Reason.QEMU_ERROR, exit.reason(), exit.toString());
            assertTrue(exit.message().contains("'no-such-device'"), exit.message());
            JsonNode record = Guests.json(guest.runDir().resolve(RunRecord.EXIT));
            assertEquals("qemu-error", record.path("reason").asText());
            assertTrue(record.path("qemu_stderr").asText().contains("no-such-device"), record.toString());
        }
    }
}
