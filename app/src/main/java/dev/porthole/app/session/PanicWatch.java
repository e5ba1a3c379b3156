package dev.porthole.app.session;

import dev.porthole.app.debug.PanicReport;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands out a run's panic report once. Two things say a guest has panicked, and they come on different threads in
 * either order: the console's {@code panic: end} line (read from QEMU's serial socket) and, under the debugger, the
 * stop at the kernel's panic exit (read from gdb). The stop can arrive before the reader has the last lines of the
 * report, so a look that finds no complete report does not count: the end line asks again when it comes.
 */
final class PanicWatch {
    private boolean reported;

    /** Forgets the last run's panic. */
    synchronized void reset() {
        reported = false;
    }

    /** The panic report in the console's lines, the first time there is a complete one; empty before and after. */
    Optional<PanicReport> check(Supplier<List<String>> consoleLines) {
        // Read before taking this watch's lock: the console hands out its lines holding a lock of its own, and its
        // end line calls here holding it. The debugger's stop, reading the lines inside this lock, hung both threads.
        List<String> lines = consoleLines.get();
        synchronized (this) {
            if (reported) {
                return Optional.empty();
            }
            Optional<PanicReport> report = PanicReport.parse(lines);
            reported = report.isPresent();
            return report;
        }
    }

    /** Whether a console line is the one that completes a panic report. */
    static boolean endsAReport(String plainLine) {
        return plainLine.startsWith("panic: end");
    }
}
