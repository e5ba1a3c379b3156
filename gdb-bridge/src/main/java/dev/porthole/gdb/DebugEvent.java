package dev.porthole.gdb;

import java.util.Optional;
import java.util.OptionalInt;

/** What a {@link DebugSession} tells its listeners, always on the session's own thread. */
public sealed interface DebugEvent permits DebugEvent.Stopped, DebugEvent.Running, DebugEvent.Exited,
        DebugEvent.TargetOutput, DebugEvent.Failed {

    /**
     * The target stopped.
     *
     * @param reason     the debugger's reason: {@code breakpoint-hit}, {@code end-stepping-range},
     *                   {@code function-finished}, {@code location-reached}, {@code watchpoint-trigger},
     *                   {@code read-watchpoint-trigger}, {@code access-watchpoint-trigger},
     *                   {@code signal-received} (gdb: an interrupt, {@code signal} is {@code SIGINT}),
     *                   {@code interrupted} (JDI: the VM was suspended on request), or {@code attached} for the
     *                   first stop after connecting
     * @param breakpoint the breakpoint or watchpoint number that caused it
     * @param signal     for {@code signal-received}: the signal name ({@code SIGINT})
     * @param watch      for a watchpoint: the expression with its old and new values
     * @param hostNanos  {@link System#nanoTime()} when the stop record arrived, for latency figures
     */
    record Stopped(String reason, Optional<Frame> frame, OptionalInt breakpoint, Optional<String> signal,
                   Optional<WatchValues> watch, String threadId, long hostNanos) implements DebugEvent {
    }

    /** A watchpoint's expression and the value before and after the access that stopped the target. */
    record WatchValues(String expression, Optional<String> oldValue, Optional<String> newValue) {
    }

    /** The target runs again (after continue, a step, or a resume by someone else). */
    record Running(String threadId) implements DebugEvent {
    }

    /**
     * The target is gone: the guest exited or the stub closed the connection.
     *
     * @param exitCode the guest's exit status when the session knows it
     */
    record Exited(OptionalInt exitCode, String description) implements DebugEvent {
    }

    /** Text the target or the debugger printed that is not an answer to a command (console output, warnings). */
    record TargetOutput(String text) implements DebugEvent {
    }

    /** The session ended abnormally: the debugger died, the connection broke. {@code why} says what and what now. */
    record Failed(String why) implements DebugEvent {
    }
}
