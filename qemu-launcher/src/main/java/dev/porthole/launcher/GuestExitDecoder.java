package dev.porthole.launcher;

import dev.porthole.launcher.GuestExit.Reason;

/** Turns how QEMU ended (status, stderr, what Porthole did, QMP events seen) into a {@link GuestExit}. */
final class GuestExitDecoder {
    private GuestExitDecoder() {
    }

    /**
     * @param status         QEMU's exit status as {@link Process#exitValue()} reports it (128 + signal when signalled)
     * @param stderr         what QEMU wrote to stderr and stdout
     * @param killedByUs     {@link Guest#kill()} was called
     * @param timedOut       the launch timeout expired and Porthole killed QEMU
     * @param panicEvent     QMP delivered GUEST_PANICKED
     * @param monitorCameUp  QEMU's QMP greeting arrived: QEMU got through its start-up (it greets before any guest code runs)
     * @param timeoutSeconds for the message
     */
    static GuestExit decode(int status, String stderr, boolean killedByUs, boolean timedOut, boolean panicEvent, boolean monitorCameUp,
            double timeoutSeconds) {
        String qemuError = qemuErrorLines(stderr);
        if (killedByUs) {
            return new GuestExit(Reason.KILLED, -1, "Porthole killed QEMU on request" + (panicEvent ? " (after the guest reported a panic)" : ""),
                    status);
        }
        if (panicEvent) {
            // a panic action of pause keeps QEMU alive until the timeout: the panic is still what ended the run
            return new GuestExit(Reason.PANIC, -1, "the guest reported a panic through pvpanic (GUEST_PANICKED)"
                    + (timedOut ? "; QEMU kept it paused until the timeout" : ""), status);
        }
        if (timedOut) {
            return new GuestExit(Reason.TIMEOUT, -1, "the guest was still running after the " + seconds(timeoutSeconds)
                    + " s timeout; Porthole killed QEMU", status);
        }
        if (stderr.contains("terminating on signal")) {
            return new GuestExit(Reason.KILLED, -1, "QEMU was stopped by a signal from outside Porthole: " + firstLine(stderr), status);
        }
        if (status > 128) {
            int signal = status - 128;
            return new GuestExit(Reason.KILLED, -1, "QEMU was killed by signal " + signal + " from outside Porthole", status);
        }
        if (!qemuError.isEmpty()) {
            return new GuestExit(Reason.QEMU_ERROR, -1, "QEMU failed (status " + status + "): " + qemuError.strip(), status);
        }
        if (!monitorCameUp) {
            String said = stderr.isBlank() ? "it printed nothing; is this binary really QEMU?" : "it printed: " + stderr.strip();
            return new GuestExit(Reason.QEMU_ERROR, -1, "QEMU exited with status " + status + " before its monitor came up, so no guest ran; "
                    + said, status);
        }
        if (status == 0) {
            return new GuestExit(Reason.SHUTDOWN, 0, "the guest shut down (or QEMU was asked to quit)", status);
        }
        if ((status & 1) == 1) {
            int code = status >> 1;
            if (code == GuestExit.KERNEL_PANIC_CODE) {
                return new GuestExit(Reason.PANIC, code, "the guest panicked (exit code " + code + ", QEMU status " + status + ")", status);
            }
            return new GuestExit(Reason.EXIT, code, "the guest exited with code " + code, status);
        }
        String shown = stderr.isBlank() ? "(QEMU printed nothing)" : stderr.strip();
        return new GuestExit(Reason.QEMU_ERROR, -1, "QEMU exited with status " + status + ", which no guest exit produces: " + shown, status);
    }

    /** QEMU's error lines ({@code qemu-system-x86_64: ...}), warnings left out; a whole stderr when it is not in that shape. */
    static String qemuErrorLines(String stderr) {
        StringBuilder errors = new StringBuilder();
        for (String line : stderr.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.contains(": warning: ") || l.contains("terminating on signal")) {
                continue;
            }
            errors.append(l).append('\n');
        }
        return errors.toString();
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
