package dev.porthole.gdb;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiConnection;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import dev.porthole.gdb.mi.command.BreakDelete;
import dev.porthole.gdb.mi.command.BreakDisable;
import dev.porthole.gdb.mi.command.BreakEnable;
import dev.porthole.gdb.mi.command.BreakInsert;
import dev.porthole.gdb.mi.command.BreakList;
import dev.porthole.gdb.mi.command.BreakWatch;
import dev.porthole.gdb.mi.command.DataDisassemble;
import dev.porthole.gdb.mi.command.DataEvaluateExpression;
import dev.porthole.gdb.mi.command.DataListRegisterNames;
import dev.porthole.gdb.mi.command.DataListRegisterValues;
import dev.porthole.gdb.mi.command.DataReadMemoryBytes;
import dev.porthole.gdb.mi.command.DataWriteMemoryBytes;
import dev.porthole.gdb.mi.command.ExecContinue;
import dev.porthole.gdb.mi.command.ExecFinish;
import dev.porthole.gdb.mi.command.ExecInterrupt;
import dev.porthole.gdb.mi.command.ExecNext;
import dev.porthole.gdb.mi.command.ExecNextInstruction;
import dev.porthole.gdb.mi.command.ExecStep;
import dev.porthole.gdb.mi.command.ExecStepInstruction;
import dev.porthole.gdb.mi.command.ExecUntil;
import dev.porthole.gdb.mi.command.FileExecAndSymbols;
import dev.porthole.gdb.mi.command.GdbSet;
import dev.porthole.gdb.mi.command.MiResults;
import dev.porthole.gdb.mi.command.Monitor;
import dev.porthole.gdb.mi.command.StackListFrames;
import dev.porthole.gdb.mi.command.StackListVariables;
import dev.porthole.gdb.mi.command.TargetSelectRemote;
import dev.porthole.gdb.mi.command.ThreadInfoCommand;
import dev.porthole.gdb.mi.command.VarCreate;
import dev.porthole.gdb.mi.command.VarDelete;
import dev.porthole.gdb.mi.command.VarListChildren;
import dev.porthole.gdb.mi.command.VarUpdate;
import dev.porthole.launcher.DebugTwin;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link DebugSession} for a native image under QEMU's gdbstub, driving {@code gdb --interpreter=mi3 -nx}.
 *
 * <p>Threads: one reader thread per gdb stream only parses ({@link MiConnection}); every state change, every
 * listener call and every future completion happens on this session's own thread.
 *
 * <p>The QEMU stub facts it handles itself:
 * <ul>
 *   <li>The architecture is set to {@code i386:x86-64} before connecting and symbols come from the 64-bit debug
 *       ELF: given a 32-bit multiboot wrapper as {@link GdbOptions#symbolFile()}, its ELF64 twin beside it is loaded
 *       instead ({@link DebugTwin}), so gdb never expects i386 registers.
 *   <li>The stub is connected once per session: gdb sends {@code ?} only when it connects, and a {@code ?}
 *       mid-session would clear QEMU's breakpoints; no command here reconnects or sends raw packets, and gdb's
 *       {@code kill} (which would end QEMU) is never sent.
 *   <li>Hardware breakpoints when the options say so (under KVM); software ones otherwise, which under TCG are
 *       emulator breakpoints too.
 *   <li>Ending the session without detaching (the default) leaves a stopped guest stopped: QEMU keeps the VM
 *       paused when the stub's client goes away, while a detach ({@code D}) would resume it.
 * </ul>
 */
public final class GdbDebugSession implements DebugSession {
    /**
     * A net under the whole attach. Longer than its steps' own limits together (loading symbols 60 s, as a large
     * Unikraft image needs; reaching the target 10 s), so that a slow step fails with its own, more precise message.
     */
    private static final long CONNECT_TIMEOUT_SECONDS = 90;


    private final GdbOptions options;
    private final ScheduledExecutorService sessionThread;
    private final MiConnection mi;
    private final List<DebugListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<DebugEvent.Stopped>> stopWaiters = new ArrayList<>(); // session thread only
    private volatile SessionState state = SessionState.CONNECTING;
    private volatile DebugEvent.Stopped lastStop;
    private volatile String currentThread = "1";
    private volatile List<String> registerNames;
    private volatile boolean closing;

    private GdbDebugSession(GdbOptions options, Process gdb) {
        this.options = options;
        this.sessionThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "porthole-gdb-session-" + gdb.pid());
            t.setDaemon(true);
            return t;
        });
        this.mi = new MiConnection(gdb, sessionThread, new Handler(), options.transcript().orElse(line -> { }),
                options.commandTimeout());
    }

    /**
     * Starts gdb, loads the symbols, connects to the stub, and returns once gdb reports the target stopped where
     * it is (a guest started with {@code -S} at its reset vector). Listeners added later still see every
     * following event; the first stop is {@link #lastStop()}.
     *
     * @throws DebugException gdb is missing, refused the symbols or could not connect; the message says which
     */
    public static GdbDebugSession start(GdbOptions options) {
        return start(options, List.of());
    }

    /** As {@link #start(GdbOptions)}, adding {@code listeners} before anything can happen. */
    public static GdbDebugSession start(GdbOptions options, List<DebugListener> initialListeners) {
        if (options.symbolFile().isPresent() && !Files.isRegularFile(options.symbolFile().get())) {
            throw new DebugException("the symbol file " + options.symbolFile().get() + " does not exist; build the image "
                    + "(its debug twin, e.g. porthole.dbg) or pass the right path");
        }
        java.nio.file.Path executable = dev.porthole.launcher.ChildProcesses.findOnPath(options.gdbExecutable())
                .orElseThrow(() -> new DebugException("could not start gdb: '" + options.gdbExecutable() + "' was not found"
                        + (options.gdbExecutable().contains("/") ? " or is not executable" : " on PATH")
                        + ". Install gdb (Debian/Ubuntu: apt-get install gdb; it must support x86_64) or give the path to one."));
        Process gdb;
        try {
            // tied to this JVM: gdb dies with Porthole, even by SIGKILL (the launcher does the same for QEMU)
            gdb = dev.porthole.launcher.ChildProcesses.start(
                    new ProcessBuilder(executable.toString(), "--interpreter=mi3", "-nx", "-q"));
        } catch (IOException e) {
            throw new DebugException("could not start gdb ('" + executable + "'): " + e.getMessage()
                    + ". Install gdb (Debian/Ubuntu: apt-get install gdb; it must support x86_64) or give the path to one.", e);
        }
        GdbDebugSession session = new GdbDebugSession(options, gdb);
        session.listeners.addAll(initialListeners);
        try {
            session.connect().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return session;
        } catch (ExecutionException e) {
            session.close();
            Throwable cause = e.getCause();
            throw cause instanceof DebugException d ? d : new DebugException("could not attach gdb to " + options.target()
                    + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            session.close();
            throw new DebugException("gdb did not attach to " + options.target() + " within " + CONNECT_TIMEOUT_SECONDS + " s; is QEMU running with -gdb "
                    + "on that socket and no other debugger attached?", e);
        } catch (InterruptedException e) {
            session.close();
            Thread.currentThread().interrupt();
            throw new DebugException("interrupted while attaching gdb to " + options.target(), e);
        }
    }

    private CompletableFuture<Void> connect() {
        List<CompletableFuture<?>> setup = new ArrayList<>();
        // pipelined: gdb runs them in order, no need to wait for each answer
        setup.add(mi.send(new GdbSet("mi-async", "on")));
        setup.add(mi.send(new GdbSet("confirm", "off")));
        setup.add(mi.send(new GdbSet("pagination", "off")));
        options.architecture().ifPresent(arch -> setup.add(mi.send(new GdbSet("architecture", arch))));
        options.symbolFile().map(DebugTwin::prefer).ifPresent(elf -> setup.add(mi.send(new FileExecAndSymbols(elf))));
        return CompletableFuture.allOf(setup.toArray(CompletableFuture[]::new))
                .thenCompose(ok -> mi.send(new TargetSelectRemote(options.target()), (v, error) -> {
                    if (error == null && state == SessionState.CONNECTING) {
                        // gdb printed the *stopped for where the target is before ^connected; it may lack a reason
                        setState(SessionState.STOPPED);
                    }
                }))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(new DebugException(
                        "could not attach gdb to " + options.target() + ": " + rootMessage(error)
                                + hintFor(rootMessage(error)), error)));
    }

    private static String hintFor(String gdbMessage) {
        if (gdbMessage.contains("No such file") || gdbMessage.contains("Connection refused")) {
            return " (is QEMU running with -gdb on that socket? it may have exited already)";
        }
        if (gdbMessage.contains("did not answer '-target-select")) {
            return " (QEMU's stub serves one debugger at a time and queues the next: is another gdb or Porthole session"
                    + " attached to this guest?)";
        }
        if (gdbMessage.contains("'g' packet reply is too long")) {
            return " (the architecture is wrong: use i386:x86-64 and the 64-bit debug ELF)";
        }
        return "";
    }

    private static String rootMessage(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public GdbOptions options() {
        return options;
    }

    /** The most recent stop, including the first one at attach time. */
    @Override
    public Optional<DebugEvent.Stopped> lastStop() {
        return Optional.ofNullable(lastStop);
    }

    /** The gdb process, for tests that must see gdb die. */
    public ProcessHandle gdbProcess() {
        return mi.process().toHandle();
    }

    /** Sends any MI command; for what this interface does not wrap. */
    public <R> CompletableFuture<R> send(MiCommand<R> command) {
        return mi.send(command);
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public void addListener(DebugListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DebugListener listener) {
        listeners.remove(listener);
    }

    // --- breakpoints ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Breakpoint> insertBreakpoint(BreakpointSpec spec) {
        boolean hardware = spec.hardware() != null ? spec.hardware() : options.hardwareBreakpoints();
        return mi.send(new BreakInsert(spec.location(), hardware, spec.temporary(), spec.condition(), spec.ignoreCount(),
                spec.disabled()));
    }

    @Override
    public CompletableFuture<Breakpoint> insertWatchpoint(String expression, BreakpointKind kind) {
        return mi.send(new BreakWatch(expression, kind));
    }

    @Override
    public CompletableFuture<Void> deleteBreakpoint(int id) {
        return mi.send(new BreakDelete(id));
    }

    @Override
    public CompletableFuture<Void> enableBreakpoint(int id, boolean enabled) {
        return enabled ? mi.send(new BreakEnable(id)) : mi.send(new BreakDisable(id));
    }

    @Override
    public CompletableFuture<List<Breakpoint>> breakpoints() {
        return mi.send(new BreakList());
    }

    // --- execution -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<DebugEvent.Stopped> resume() {
        return motion(new ExecContinue());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> next() {
        return motion(new ExecNext());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> step() {
        return motion(new ExecStep());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> finish() {
        return motion(new ExecFinish());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> until(String location) {
        return motion(new ExecUntil(Optional.ofNullable(location).filter(l -> !l.isBlank())));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> stepInstruction() {
        return motion(new ExecStepInstruction());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> nextInstruction() {
        return motion(new ExecNextInstruction());
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> interrupt() {
        CompletableFuture<DebugEvent.Stopped> stop = new CompletableFuture<>();
        mi.send(new ExecInterrupt(), (v, error) -> {
            if (error != null) {
                stop.completeExceptionally(error);
            } else if (state == SessionState.STOPPED && lastStop != null) {
                stop.complete(lastStop); // it was not running: nothing to interrupt
            } else {
                awaitStop(stop);
            }
        });
        return stop;
    }

    private CompletableFuture<DebugEvent.Stopped> motion(MiCommand<Void> command) {
        CompletableFuture<DebugEvent.Stopped> stop = new CompletableFuture<>();
        mi.send(command, (v, error) -> {
            if (error != null) {
                stop.completeExceptionally(error);
            } else {
                awaitStop(stop); // ^running is read before the *stopped that ends this motion
            }
        });
        return stop;
    }

    private void awaitStop(CompletableFuture<DebugEvent.Stopped> stop) {
        if (state.isFinal()) {
            stop.completeExceptionally(new DebugException("the session has ended (" + state + "); the target will not stop again"));
        } else {
            stopWaiters.add(stop);
        }
    }

    // --- inspection ----------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<ThreadInfo>> threads() {
        return mi.send(new ThreadInfoCommand());
    }

    @Override
    public CompletableFuture<List<Frame>> frames() {
        return mi.send(new StackListFrames());
    }

    @Override
    public CompletableFuture<List<Variable>> variables(int frameLevel) {
        return mi.send(new StackListVariables(currentThread, frameLevel));
    }

    @Override
    public CompletableFuture<String> evaluate(String expression, int frameLevel) {
        return mi.send(new DataEvaluateExpression(currentThread, frameLevel, expression));
    }

    @Override
    public CompletableFuture<VarObject> createWatch(String expression) {
        return mi.send(VarCreate.floating(expression));
    }

    @Override
    public CompletableFuture<VarObject> createWatchInFrame(String expression, int frameLevel) {
        return mi.send(VarCreate.inFrame(expression, currentThread, frameLevel));
    }

    @Override
    public CompletableFuture<List<VarObject>> watchChildren(String handle) {
        return mi.send(new VarListChildren(handle));
    }

    @Override
    public CompletableFuture<List<VarChange>> updateWatches() {
        return mi.send(new VarUpdate());
    }

    @Override
    public CompletableFuture<Void> deleteWatch(String handle) {
        return mi.send(new VarDelete(handle));
    }

    /** The register names of the target description, by number (gaps are empty strings). Cached. */
    public CompletableFuture<List<String>> registerNames() {
        List<String> cached = registerNames;
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return mi.send(new DataListRegisterNames()).thenApply(names -> {
            registerNames = List.copyOf(names);
            return registerNames;
        });
    }

    @Override
    public CompletableFuture<List<Register>> registers() {
        return registerNames().thenCompose(names -> mi.send(new DataListRegisterValues(List.of())).thenApply(values -> {
            List<Register> out = new ArrayList<>();
            for (Map.Entry<Integer, String> e : values.entrySet()) {
                int n = e.getKey();
                if (n >= 0 && n < names.size() && !names.get(n).isEmpty()) {
                    out.add(new Register(n, names.get(n), e.getValue()));
                }
            }
            return out;
        }));
    }

    /** Only the named registers (e.g. the general ones), in the order given; unknown names are skipped. */
    public CompletableFuture<List<Register>> registers(List<String> wanted) {
        return registerNames().thenCompose(names -> {
            List<Integer> numbers = new ArrayList<>();
            for (String w : wanted) {
                int n = names.indexOf(w);
                if (n >= 0) {
                    numbers.add(n);
                }
            }
            return mi.send(new DataListRegisterValues(numbers)).thenApply(values -> numbers.stream()
                    .filter(values::containsKey)
                    .map(n -> new Register(n, names.get(n), values.get(n))).toList());
        });
    }

    @Override
    public CompletableFuture<MemoryBlock> readMemory(String addressExpression, int length) {
        return mi.send(new DataReadMemoryBytes(addressExpression, length));
    }

    @Override
    public CompletableFuture<Void> writeMemory(String addressExpression, byte[] bytes) {
        return mi.send(new DataWriteMemoryBytes(addressExpression, bytes));
    }

    @Override
    public CompletableFuture<List<Instruction>> disassemble(String start, String end) {
        return mi.send(new DataDisassemble(start, end));
    }

    @Override
    public CompletableFuture<String> monitor(String command) {
        return mi.send(new Monitor(command));
    }

    /**
     * Switches gdb's memory reads and writes between virtual addresses (through the guest's page tables, the
     * default) and physical ones, with QEMU's {@code Qqemu.PhyMemMode} packet. Physical mode reads what the page
     * tables hide: the multiboot information below the kernel, page tables themselves.
     */
    public CompletableFuture<Void> physicalMemoryMode(boolean physical) {
        return mi.send(new dev.porthole.gdb.mi.command.InterpreterExecConsole("maint packet Qqemu.PhyMemMode:" + (physical ? 1 : 0)))
                .thenApply(text -> {
                    if (!text.contains("received: \"OK\"")) {
                        throw new DebugException("QEMU's stub refused physical memory mode (" + text.strip()
                                + "); it needs QEMU 4.2 or newer");
                    }
                    return null;
                });
    }

    // --- ending --------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> detach(boolean leaveTargetRunning) {
        closing = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (leaveTargetRunning && !mi.isClosed()) {
            // gdb's detach sends D: QEMU resumes the guest; -gdb-exit then ends gdb
            mi.send(new dev.porthole.gdb.mi.command.TargetDetach())
                    .handle((v, e) -> null)
                    .thenCompose(x -> mi.send(new dev.porthole.gdb.mi.command.GdbExit()))
                    .whenComplete((v, e) -> {
                        destroyGdb();
                        done.complete(null);
                    });
        } else {
            destroyGdb(); // no D packet: a stopped guest stays stopped
            done.complete(null);
        }
        return done;
    }

    private void destroyGdb() {
        Process gdb = mi.process();
        gdb.destroy();
        try {
            if (!gdb.waitFor(2, TimeUnit.SECONDS)) {
                gdb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            gdb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closing) {
            try {
                detach(false).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                mi.process().destroyForcibly();
            }
        }
        mi.process().destroyForcibly();
        try {
            // later, so the end of gdb's output (failing what was still pending) is still dispatched
            sessionThread.schedule(sessionThread::shutdown, 3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed twice
        }
    }

    // --- events (session thread) ---------------------------------------------------------------

    private void setState(SessionState next) {
        if (!state.isFinal()) {
            state = next;
        }
    }

    private void emit(DebugEvent event) {
        for (DebugListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // a broken listener must not break the session or the other listeners
                System.getLogger(GdbDebugSession.class.getName()).log(System.Logger.Level.WARNING,
                        "debug listener " + l + " failed on " + event, e);
            }
        }
    }

    private void endWith(SessionState finalState, DebugEvent event, String whyWaitersFail) {
        if (state.isFinal()) {
            return;
        }
        state = finalState;
        List<CompletableFuture<DebugEvent.Stopped>> waiting = new ArrayList<>(stopWaiters);
        stopWaiters.clear();
        for (CompletableFuture<DebugEvent.Stopped> w : waiting) {
            w.completeExceptionally(finalState == SessionState.EXITED
                    ? new TargetExitedException(whyWaitersFail) : new DebugException(whyWaitersFail));
        }
        emit(event);
    }

    static DebugEvent.Stopped stopped(MiTuple r, String fallbackReason, long nanos) {
        MiTuple frame = r.tuple("frame");
        Optional<DebugEvent.WatchValues> watch = r.get("wpt").or(() -> r.get("hw-rwpt")).or(() -> r.get("hw-awpt"))
                .flatMap(v -> v.asTuple())
                .map(w -> {
                    MiTuple value = r.tuple("value");
                    return new DebugEvent.WatchValues(w.string("exp", "?"), value.string("old"),
                            value.string("new").or(() -> value.string("value")));
                });
        OptionalInt bp = r.integer("bkptno");
        if (bp.isEmpty() && watch.isPresent()) {
            bp = r.get("wpt").or(() -> r.get("hw-rwpt")).or(() -> r.get("hw-awpt")).flatMap(v -> v.asTuple())
                    .map(w -> w.integer("number")).orElse(OptionalInt.empty());
        }
        return new DebugEvent.Stopped(r.string("reason", fallbackReason),
                frame.isEmpty() ? Optional.empty() : Optional.of(MiResults.frame(frame)), bp, r.string("signal-name"), watch,
                r.string("thread-id", "1"), nanos);
    }

    private final class Handler implements MiConnection.Handler {
        @Override
        public void onAsync(MiRecord.Async record) {
            long now = System.nanoTime();
            MiTuple r = record.results();
            if (record.kind() == MiRecord.AsyncKind.EXEC && record.asyncClass().equals("running")) {
                setState(SessionState.RUNNING);
                if (!state.isFinal()) {
                    emit(new DebugEvent.Running(r.string("thread-id", "all")));
                }
            } else if (record.kind() == MiRecord.AsyncKind.EXEC && record.asyncClass().equals("stopped")) {
                String reason = r.string("reason", state == SessionState.CONNECTING ? "attached" : "unknown");
                if (reason.startsWith("exited")) {
                    targetGone("the target exited (" + reason + ")", OptionalInt.of(r.integer("exit-code").orElse(0)));
                    return;
                }
                DebugEvent.Stopped stop = stopped(r, reason, now);
                lastStop = stop;
                currentThread = stop.threadId();
                setState(SessionState.STOPPED);
                List<CompletableFuture<DebugEvent.Stopped>> waiting = new ArrayList<>(stopWaiters);
                stopWaiters.clear();
                emit(stop);
                for (CompletableFuture<DebugEvent.Stopped> w : waiting) {
                    w.complete(stop);
                }
            } else if (record.kind() == MiRecord.AsyncKind.NOTIFY && record.asyncClass().equals("thread-group-exited")) {
                targetGone("the target is gone (the guest exited or QEMU closed the gdb connection)", OptionalInt.empty());
            }
        }

        private void targetGone(String description, OptionalInt exitCode) {
            endWith(SessionState.EXITED, new DebugEvent.Exited(exitCode, description), description + " before stopping");
        }

        @Override
        public void onUnsolicitedStream(MiRecord.Stream record) {
            if (record.kind() == MiRecord.StreamKind.LOG && record.text().startsWith("Remote connection closed")) {
                targetGone("the gdbstub closed the connection (the guest exited or QEMU quit)", OptionalInt.empty());
                return;
            }
            if (record.kind() != MiRecord.StreamKind.CONSOLE) {
                emit(new DebugEvent.TargetOutput(record.text()));
            }
        }

        @Override
        public void onUnknown(String line) {
            if (!line.isBlank()) {
                emit(new DebugEvent.TargetOutput(line + "\n"));
            }
        }

        @Override
        public void onClosed(Integer exitStatus, String stderrTail) {
            if (closing || state.isFinal()) {
                state = state.isFinal() ? state : SessionState.EXITED;
                List<CompletableFuture<DebugEvent.Stopped>> waiting = new ArrayList<>(stopWaiters);
                stopWaiters.clear();
                waiting.forEach(w -> w.completeExceptionally(new DebugException("the debug session was closed")));
                return;
            }
            SessionState was = state;
            String why = "gdb exited unexpectedly" + (exitStatus == null ? "" : " (status " + exitStatus + ")")
                    + (stderrTail.isBlank() ? "" : "; it said: " + stderrTail.strip())
                    + ". The guest was left " + (was == SessionState.RUNNING ? "running" : "paused")
                    + " as it was; stop or resume it from the launcher, or attach a new session.";
            endWith(SessionState.FAILED, new DebugEvent.Failed(why), why);
        }
    }
}
