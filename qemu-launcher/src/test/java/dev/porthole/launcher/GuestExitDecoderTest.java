package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.launcher.GuestExit.Reason;
import org.junit.jupiter.api.Test;

/** The decoding rules on their own; every reason is also produced for real in {@link ExitReasonsTest}. */
class GuestExitDecoderTest {
    private static GuestExit decode(int status, String stderr) {
        return GuestExitDecoder.decode(status, stderr, false, false, false, true, 60);
    }

    @Test
    void statusesOfTheSampleKernel() {
        assertEquals(new GuestExit(Reason.EXIT, 0, "the guest exited with code 0", 1), decode(1, ""));
        assertEquals(Reason.EXIT, decode(3, "").reason());
        assertEquals(1, decode(3, "").code());
        assertEquals(new GuestExit(Reason.PANIC, 3, "the guest panicked (exit code 3, QEMU status 7)", 7), decode(7, ""));
        assertEquals(Reason.SHUTDOWN, decode(0, "").reason());
    }

    @Test
    void qemuErrorsWarningsAndSignals() {
        GuestExit error = decode(1, "qemu-system-x86_64: -device nope: 'nope' is not a valid device model name\n");
        assertEquals(Reason.QEMU_ERROR, error.reason());
        assertTrue(error.message().contains("'nope' is not a valid device model name"), error.message());
        assertEquals(Reason.EXIT, decode(1, "qemu-system-x86_64: warning: host doesn't support requested feature\n").reason(),
                "a warning is not an error");
        assertEquals(Reason.KILLED, decode(0, "qemu-system-x86_64: terminating on signal 15 from pid 42 (bash)\n").reason());
        assertEquals(Reason.KILLED, decode(137, "").reason());
        assertEquals(Reason.QEMU_ERROR, GuestExitDecoder.decode(1, "", false, false, false, false, 60).reason(), "no monitor, no guest");
    }

    @Test
    void whatPortholeDidComesFirst() {
        assertEquals(Reason.TIMEOUT, GuestExitDecoder.decode(137, "", false, true, false, true, 2).reason());
        assertEquals(Reason.KILLED, GuestExitDecoder.decode(137, "", true, false, true, true, 2).reason());
        GuestExit pausedPanic = GuestExitDecoder.decode(137, "", false, true, true, true, 2);
        assertEquals(Reason.PANIC, pausedPanic.reason());
        assertTrue(pausedPanic.message().contains("paused until the timeout"), pausedPanic.message());
    }
}
