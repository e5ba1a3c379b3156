package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.kernel.SampleKernel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** gdb 13 reaches the gdbstub through {@link GdbEndpoint#target()}, and the guest runs on after gdb leaves. */
class GdbEndpointTest {
    @Test
    void gdbConnectsBreaksAndDetaches() throws Exception {
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=hello").paused(true).gdbStub(true).build())) {
            String target = guest.gdb().orElseThrow().target();
            Process gdb = ChildProcesses.start(new ProcessBuilder("gdb", "-batch", "-nx", "-ex", "set architecture i386:x86-64",
                    "-ex", "file " + SampleKernel.debugImage(), "-ex", "target remote " + target, "-ex", "hbreak kmain", "-ex", "continue",
                    "-ex", "info registers rip", "-ex", "delete", "-ex", "detach").redirectErrorStream(true));
            assertTrue(gdb.waitFor(60, TimeUnit.SECONDS), "gdb finished");
            String output = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output.contains("kmain"), output);
            assertTrue(output.contains("rip"), output);
            // after gdb detaches the guest runs on (detach resumes it) to its normal end
            try {
                if ("paused".equals(guest.qmp().queryStatus().path("status").asText())) {
                    guest.resume();
                }
            } catch (QmpException finishedMeanwhile) {
                // hello ends in milliseconds once running
            }
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(GuestExit.Reason.EXIT, exit.reason(), exit + "\n" + guest.console().text() + "\n" + output);
        }
    }
}
