package dev.porthole.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A running QEMU and everything attached to it. Made by {@link QemuLauncher#launch}. {@link #close()} kills QEMU when
 * it still runs and waits for the run record to be complete.
 */
public interface Guest extends AutoCloseable {
    /** The QMP client, connected once {@link QemuLauncher#launch} returns (unless QEMU died before that). */
    QmpClient qmp();

    /** The console (COM1). */
    SerialChannel console();

    /** The Porthole trace stream (isa-debugcon, port 0xe9). */
    SerialChannel trace();

    /** Where gdb connects, when the spec asked for the gdbstub. */
    Optional<GdbEndpoint> gdb();

    /** The host port forwarded to the guest's JDWP port (127.0.0.1 only), when the spec asked for one. */
    OptionalInt jdwpHostPort();

    /** Completes once QEMU is gone and the run record is final. */
    CompletableFuture<GuestExit> exit();

    HostTimings timings();

    Path runDir();

    /** QEMU's process id. */
    long pid();

    /** The accelerator in use: never AUTO. */
    Accel accel();

    /** Why that accelerator (also in launch.json). */
    String accelReason();

    Machine machine();

    ImageInfo image();

    /** QEMU's command line as launched. */
    java.util.List<String> argv();

    /** Starts the CPUs of a guest launched paused (QMP {@code cont}); stamps {@link HostTimings#cont()}. */
    void resume();

    /** SIGKILLs QEMU; the exit reason becomes KILLED (unless it had already ended). */
    void kill();

    /** Kills QEMU if it still runs, and waits (a few seconds at most) for the run record to be final. */
    @Override
    void close();

    default boolean isAlive() {
        return !exit().isDone();
    }

    /** Waits for the guest to end. */
    default GuestExit awaitExit(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the guest's exit could not be decoded: " + e.getCause(), e.getCause());
        }
    }

    /** Waits for a console line matching {@code test} (lines already received count); empty when the guest ended or time ran out first. */
    default Optional<SerialLine> awaitConsoleLine(Predicate<SerialLine> test, Duration timeout) throws InterruptedException {
        return console().awaitLine(test, timeout);
    }
}
