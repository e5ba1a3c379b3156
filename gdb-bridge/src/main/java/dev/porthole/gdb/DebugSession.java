package dev.porthole.gdb;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One live debugging connection to one target: a guest under QEMU's gdbstub ({@code GdbDebugSession}) or a JVM
 * over JDWP ({@code JdiDebugSession}).
 *
 * <p>Every method is asynchronous and returns at once; the future completes on the session thread with the
 * typed answer, or exceptionally with a {@link DebugException} carrying the debugger's own message, or a
 * {@link java.util.concurrent.TimeoutException} naming a command that never answered. Do not block the session
 * thread (inside a listener or a callback) on another of these futures.
 *
 * <p>Execution control ({@link #resume()}, {@link #next()}, ...) completes with the {@link DebugEvent.Stopped}
 * that ends the motion; it fails if the session exits or fails first. The same stop is also delivered to the
 * listeners.
 *
 * <p>Parts a target cannot do (registers over JDWP) complete exceptionally with
 * {@link UnsupportedOperationException}; {@link #capabilities()} says which.
 */
public interface DebugSession extends AutoCloseable {

    SessionState state();

    /** The most recent stop (for gdb, including the first one when it attached); empty before any. */
    java.util.Optional<DebugEvent.Stopped> lastStop();

    Set<Capability> capabilities();

    void addListener(DebugListener listener);

    void removeListener(DebugListener listener);

    // --- breakpoints ---------------------------------------------------------------------------

    CompletableFuture<Breakpoint> insertBreakpoint(BreakpointSpec spec);

    CompletableFuture<Breakpoint> insertWatchpoint(String expression, BreakpointKind kind);

    CompletableFuture<Void> deleteBreakpoint(int id);

    CompletableFuture<Void> enableBreakpoint(int id, boolean enabled);

    CompletableFuture<List<Breakpoint>> breakpoints();

    // --- execution -----------------------------------------------------------------------------

    /** Continue until the next stop. */
    CompletableFuture<DebugEvent.Stopped> resume();

    /** Stop a running target; completes with the stop. */
    CompletableFuture<DebugEvent.Stopped> interrupt();

    CompletableFuture<DebugEvent.Stopped> next();

    CompletableFuture<DebugEvent.Stopped> step();

    CompletableFuture<DebugEvent.Stopped> finish();

    /** Run until {@code location} (function, file:line) or until the current frame returns. */
    CompletableFuture<DebugEvent.Stopped> until(String location);

    CompletableFuture<DebugEvent.Stopped> stepInstruction();

    CompletableFuture<DebugEvent.Stopped> nextInstruction();

    // --- inspection ----------------------------------------------------------------------------

    CompletableFuture<List<ThreadInfo>> threads();

    CompletableFuture<List<Frame>> frames();

    /** Locals and arguments of the frame at {@code level} (0 = innermost). */
    CompletableFuture<List<Variable>> variables(int frameLevel);

    /** Evaluates an expression in the frame at {@code level}; the result as the debugger prints it. */
    CompletableFuture<String> evaluate(String expression, int frameLevel);

    /** A watch on {@code expression} that follows the current frame: each update evaluates it where the target is now. */
    CompletableFuture<VarObject> createWatch(String expression);

    /**
     * A watch on {@code expression} evaluated in, and bound to, the frame at {@code frameLevel} (0 = innermost) of
     * the thread of the last stop, the frame {@link #frames()} and {@link #variables(int)} number the same way: a
     * local of an outer frame shows that frame's value, and its children and updates stay in that frame. Expand,
     * update and delete it like any watch.
     */
    CompletableFuture<VarObject> createWatchInFrame(String expression, int frameLevel);

    CompletableFuture<List<VarObject>> watchChildren(String handle);

    /** Re-reads every watch; returns those whose value changed since the last call. */
    CompletableFuture<List<VarChange>> updateWatches();

    CompletableFuture<Void> deleteWatch(String handle);

    CompletableFuture<List<Register>> registers();

    CompletableFuture<MemoryBlock> readMemory(String addressExpression, int length);

    CompletableFuture<Void> writeMemory(String addressExpression, byte[] bytes);

    /** Instructions from {@code start} to {@code end} (address expressions), grouped with their source lines. */
    CompletableFuture<List<Instruction>> disassemble(String start, String end);

    /** A command for the target's monitor (QEMU: {@code info registers}, {@code info mem}); its text answer. */
    CompletableFuture<String> monitor(String command);

    /**
     * Ends the session. {@code leaveTargetRunning}: detach and let the target go on; otherwise it stays as it
     * is (stopped, if it was). Never kills the target: the launcher owns it.
     */
    CompletableFuture<Void> detach(boolean leaveTargetRunning);

    /** Ends the session at once (detaches if it can, kills the debugger process). */
    @Override
    void close();
}
