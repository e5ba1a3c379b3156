package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pause, resume and reset a real guest through QMP, and see QEMU's events. */
class QmpControlTest {
    @Test
    void pausedGuestResumesStopsAndResets() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel(Guests.LOOPING).paused(true).build())) {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            guest.qmp().addEventListener(e -> events.add(e.name()));

            assertEquals("prelaunch", guest.qmp().queryStatus().path("status").asText());
            assertTrue(guest.timings().qmpReady().isPresent());
            assertEquals(0, guest.console().byteCount(), "a paused guest has printed nothing");

            guest.resume();
            assertEquals(QmpEvent.RESUME, events.poll(30, TimeUnit.SECONDS));
            assertTrue(guest.timings().cont().isPresent());
            assertTrue(guest.qmp().queryStatus().path("running").asBoolean());
            guest.awaitConsoleLine(l -> l.text().contains("booting app=compute"), Guests.WAIT).orElseThrow();

            guest.qmp().stop();
            assertEquals(QmpEvent.STOP, events.poll(30, TimeUnit.SECONDS));
            assertEquals("paused", guest.qmp().queryStatus().path("status").asText());

            long linesBeforeReset = guest.console().lineCount();
            guest.qmp().systemReset();
            assertEquals(QmpEvent.RESET, events.poll(30, TimeUnit.SECONDS));
            guest.qmp().cont();
            assertEquals(QmpEvent.RESUME, events.poll(30, TimeUnit.SECONDS));
            // the reset guest boots again from its first instruction and prints its banner a second time
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (guest.console().lines().stream().filter(l -> l.text().contains("booting app=compute")).count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, guest.console().lines().stream().filter(l -> l.text().contains("booting app=compute")).count(),
                    "booted twice; lines before reset: " + linesBeforeReset);

            String registers = guest.qmp().humanMonitorCommand("info registers");
            assertTrue(registers.contains("RIP="), registers);
            QmpException unknown = assertThrows(QmpException.class, () -> guest.qmp().execute("no-such-command"));
            assertEquals("CommandNotFound", unknown.errorClass());

            guest.qmp().quit();
            assertEquals(GuestExit.Reason.SHUTDOWN, guest.awaitExit(Guests.WAIT).reason());
            List<String> names = guest.qmp().events().stream().map(QmpEvent::name).toList();
            assertTrue(names.containsAll(List.of("RESUME", "STOP", "RESET", "SHUTDOWN")), names.toString());
        }
    }

    @Test
    void commandsAfterExitFailWithAClearMessage() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").build())) {
            guest.awaitExit(Guests.WAIT);
            QmpException e = assertThrows(QmpException.class, () -> guest.qmp().queryStatus());
            assertTrue(e.getMessage().contains("query-status") && e.getMessage().contains("exited"), e.getMessage());
        }
    }
}
