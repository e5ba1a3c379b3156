package dev.porthole.gdb.jdi;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.WatchpointEvent;
import com.sun.jdi.event.ModificationWatchpointEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import com.sun.jdi.request.WatchpointRequest;
import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.Capability;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugException;
import dev.porthole.gdb.DebugListener;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.Instruction;
import dev.porthole.gdb.MemoryBlock;
import dev.porthole.gdb.Register;
import dev.porthole.gdb.SessionState;
import dev.porthole.gdb.TargetExitedException;
import dev.porthole.gdb.ThreadInfo;
import dev.porthole.gdb.VarChange;
import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.Variable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DebugSession} for a JVM workload (a Java application inside OSv, Nanos or a Unikraft JVM image), over
 * JDI attached by JDWP to {@code 127.0.0.1:PORT} (the launcher forwards the guest's JDWP port there).
 *
 * <p>Locations are {@code fully.qualified.Class:line}; a breakpoint in a class not loaded yet waits for the class
 * to load. Frames name {@code Class.method}, their address is the bytecode index. {@link #evaluate} and watches
 * accept paths of names ({@code this.total}, {@code args[0]}, {@code point.x}), not arbitrary Java.
 *
 * <p>Threads: one thread takes event sets off the JDI queue and hands them on; every JDI call, state change and
 * event happens on the session thread. Every stop suspends the whole VM (jdb's default), so what the views read is
 * consistent.
 *
 * <p>Not supported over JDWP (the futures fail with {@link UnsupportedOperationException}): registers, memory,
 * disassembly, monitor commands, breakpoint conditions. Ending the session resumes the VM (JDI's dispose does).
 */
public final class JdiDebugSession implements DebugSession {
    private static final String[] STEP_EXCLUDES = {"java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*"};

    private final VirtualMachine vm;
    private final ExecutorService sessionThread;
    private final List<DebugListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<DebugEvent.Stopped>> stopWaiters = new ArrayList<>(); // session thread only
    private final Map<Integer, JdiBreakpoint> breakpoints = new LinkedHashMap<>();               // session thread only
    private final Map<String, JdiWatch> watches = new LinkedHashMap<>();                         // handle -> what it reads
    private final Map<String, String> watchValues = new LinkedHashMap<>();                       // handle -> last value
    private final AtomicInteger nextBreakpoint = new AtomicInteger(1);
    private final AtomicInteger nextWatch = new AtomicInteger(1);
    private volatile SessionState state = SessionState.STOPPED;
    private volatile ThreadReference currentThread;
    private volatile DebugEvent.Stopped lastStop;
    private volatile boolean deathSeen;
    private volatile boolean closing;
    private String pendingReason; // the reason the next step event reports

    /**
     * What a watch handle reads: {@code expression} in frame {@code frameLevel} of {@code thread}, or, without a
     * thread, in the innermost frame of whichever thread stopped last (a watch that follows the user). A level, not a
     * StackFrame, is kept: JDI invalidates every StackFrame when the VM resumes.
     */
    private record JdiWatch(String expression, Optional<ThreadReference> thread, int frameLevel) {
        static JdiWatch following(String expression) {
            return new JdiWatch(expression, Optional.empty(), 0);
        }

        JdiWatch child(String childExpression) {
            return new JdiWatch(childExpression, thread, frameLevel);
        }
    }

    /** A breakpoint or watchpoint and its JDI requests (none yet while its class is not loaded). */
    private static final class JdiBreakpoint {
        final int id;
        final BreakpointKind kind;
        final String location;
        final String className;
        final String member; // line number or field name
        final boolean temporary;
        final int ignoreCount;
        boolean enabled;
        int hits;
        final List<EventRequest> requests = new ArrayList<>();
        ClassPrepareRequest waitingForClass;
        Optional<Location> resolved = Optional.empty();

        JdiBreakpoint(int id, BreakpointKind kind, String location, String className, String member, boolean temporary,
                      int ignoreCount, boolean enabled) {
            this.id = id;
            this.kind = kind;
            this.location = location;
            this.className = className;
            this.member = member;
            this.temporary = temporary;
            this.ignoreCount = ignoreCount;
            this.enabled = enabled;
        }

        Breakpoint toBreakpoint() {
            return new Breakpoint(id, kind, false, enabled, temporary, location,
                    resolved.map(l -> OptionalLong.of(l.codeIndex())).orElse(OptionalLong.empty()),
                    resolved.map(l -> l.declaringType().name() + "." + l.method().name()),
                    resolved.flatMap(JdiDebugSession::sourceName), resolved.map(l -> OptionalInt.of(l.lineNumber())).orElse(OptionalInt.empty()),
                    Optional.empty(), ignoreCount, hits);
        }
    }

    private JdiDebugSession(VirtualMachine vm) {
        this.vm = vm;
        this.sessionThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "porthole-jdi-session");
            t.setDaemon(true);
            return t;
        });
        Thread reader = new Thread(this::eventLoop, "porthole-jdi-events");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Attaches to a JVM listening for a debugger ({@code -agentlib:jdwp=transport=dt_socket,server=y,address=...}).
     * A VM started with {@code suspend=y} is stopped when this returns (state STOPPED, no frame yet).
     */
    public static JdiDebugSession attach(String host, int port, Duration timeout) {
        AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst()
                .orElseThrow(() -> new DebugException("this JDK has no JDI socket connector (module jdk.jdi); run Porthole on a full JDK"));
        Map<String, Connector.Argument> args = connector.defaultArguments();
        args.get("hostname").setValue(host);
        args.get("port").setValue(Integer.toString(port));
        args.get("timeout").setValue(Long.toString(timeout.toMillis()));
        try {
            VirtualMachine vm = connector.attach(args);
            return new JdiDebugSession(vm);
        } catch (IOException e) {
            throw new DebugException("could not attach to the JVM at " + host + ":" + port + " over JDWP: " + e.getMessage()
                    + ". Is it started with -agentlib:jdwp=transport=dt_socket,server=y,address=" + port
                    + " (and, in a guest, is that port forwarded)? Only one debugger may attach at a time.", e);
        } catch (IllegalConnectorArgumentsException e) {
            throw new DebugException("bad JDWP address " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Attaches to the JVM inside a guest whose JDWP port the launcher forwarded to 127.0.0.1
     * ({@code LaunchSpec.builder(..).jdwpGuestPort(5005)}).
     */
    public static JdiDebugSession attach(dev.porthole.launcher.Guest guest, Duration timeout) {
        int port = guest.jdwpHostPort().orElseThrow(() -> new DebugException("the guest has no forwarded JDWP port; launch it "
                + "with LaunchSpec.builder(..).jdwpGuestPort(PORT) where PORT is the guest JVM's -agentlib:jdwp address"));
        return attach("127.0.0.1", port, timeout);
    }

    /** The JVM's name and version, as it reports them. */
    public String vmDescription() {
        return vm.name() + " " + vm.version();
    }

    @Override
    public Optional<DebugEvent.Stopped> lastStop() {
        return Optional.ofNullable(lastStop);
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.THREADS, Capability.WATCHPOINTS);
    }

    @Override
    public void addListener(DebugListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DebugListener listener) {
        listeners.remove(listener);
    }

    private <T> CompletableFuture<T> call(String what, Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            sessionThread.execute(() -> {
                try {
                    f.complete(work.call());
                } catch (VMDisconnectedException e) {
                    f.completeExceptionally(new DebugException("the JVM is gone; cannot " + what, e));
                } catch (DebugException | UnsupportedOperationException e) {
                    f.completeExceptionally(e);
                } catch (Exception e) {
                    f.completeExceptionally(new DebugException("could not " + what + ": " + e, e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new DebugException("the session is closed; cannot " + what));
        }
        return f;
    }

    private static <T> CompletableFuture<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(what + " is not available over JDWP (a JVM has no "
                + "registers or raw memory to show); use a GDB session for native images"));
    }

    // --- breakpoints ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Breakpoint> insertBreakpoint(BreakpointSpec spec) {
        if (spec.condition().isPresent()) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "breakpoint conditions are not supported over JDI; use an ignore count or stop and evaluate"));
        }
        return call("insert a breakpoint at " + spec.location(), () -> {
            String loc = spec.location().trim();
            int colon = loc.lastIndexOf(':');
            if (colon <= 0 || !loc.substring(colon + 1).trim().matches("\\d+")) {
                throw new DebugException("a JVM breakpoint is Class:line, e.g. com.example.Main:17; got '" + loc + "'");
            }
            JdiBreakpoint bp = new JdiBreakpoint(nextBreakpoint.getAndIncrement(), BreakpointKind.CODE, loc,
                    loc.substring(0, colon).trim(), loc.substring(colon + 1).trim(), spec.temporary(), spec.ignoreCount(), !spec.disabled());
            arm(bp);
            breakpoints.put(bp.id, bp);
            return bp.toBreakpoint();
        });
    }

    @Override
    public CompletableFuture<Breakpoint> insertWatchpoint(String expression, BreakpointKind kind) {
        return call("watch " + expression, () -> {
            String e = expression.trim();
            int dot = e.lastIndexOf('.');
            if (dot <= 0 || !kind.isWatchpoint()) {
                throw new DebugException("a JVM watchpoint is Class.field, e.g. com.example.Main.counter; got '" + e + "'");
            }
            JdiBreakpoint bp = new JdiBreakpoint(nextBreakpoint.getAndIncrement(), kind, e, e.substring(0, dot), e.substring(dot + 1),
                    false, 0, true);
            arm(bp);
            breakpoints.put(bp.id, bp);
            return bp.toBreakpoint();
        });
    }

    /** Creates the JDI requests when the class is loaded, else asks to hear when it loads. Session thread. */
    private void arm(JdiBreakpoint bp) throws AbsentInformationException {
        List<ReferenceType> types = vm.classesByName(bp.className);
        if (types.isEmpty()) {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(bp.className);
            prepare.putProperty("breakpoint", bp.id);
            prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            prepare.enable();
            bp.waitingForClass = prepare;
            return;
        }
        EventRequestManager erm = vm.eventRequestManager();
        for (ReferenceType type : types) {
            if (bp.kind == BreakpointKind.CODE) {
                List<Location> lines = type.locationsOfLine(Integer.parseInt(bp.member));
                if (lines.isEmpty()) {
                    throw new DebugException(type.name() + " has no code at line " + bp.member
                            + " (a blank line, a comment, or compiled without -g)");
                }
                BreakpointRequest r = erm.createBreakpointRequest(lines.get(0));
                bp.resolved = Optional.of(lines.get(0));
                add(bp, r);
            } else {
                Field field = type.fieldByName(bp.member);
                if (field == null) {
                    throw new DebugException(type.name() + " has no field '" + bp.member + "'");
                }
                if (bp.kind != BreakpointKind.WATCH_READ) {
                    add(bp, erm.createModificationWatchpointRequest(field));
                }
                if (bp.kind != BreakpointKind.WATCH_WRITE) {
                    add(bp, erm.createAccessWatchpointRequest(field));
                }
            }
        }
    }

    private void add(JdiBreakpoint bp, EventRequest r) {
        r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        r.putProperty("breakpoint", bp.id);
        r.setEnabled(bp.enabled);
        bp.requests.add(r);
    }

    private void disarm(JdiBreakpoint bp) {
        EventRequestManager erm = vm.eventRequestManager();
        bp.requests.forEach(erm::deleteEventRequest);
        bp.requests.clear();
        if (bp.waitingForClass != null) {
            erm.deleteEventRequest(bp.waitingForClass);
            bp.waitingForClass = null;
        }
    }

    @Override
    public CompletableFuture<Void> deleteBreakpoint(int id) {
        return call("delete breakpoint " + id, () -> {
            JdiBreakpoint bp = breakpoints.remove(id);
            if (bp == null) {
                throw new DebugException("no breakpoint number " + id);
            }
            disarm(bp);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> enableBreakpoint(int id, boolean enabled) {
        return call((enabled ? "enable" : "disable") + " breakpoint " + id, () -> {
            JdiBreakpoint bp = breakpoints.get(id);
            if (bp == null) {
                throw new DebugException("no breakpoint number " + id);
            }
            bp.enabled = enabled;
            bp.requests.forEach(r -> r.setEnabled(enabled));
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Breakpoint>> breakpoints() {
        return call("list breakpoints", () -> breakpoints.values().stream().map(JdiBreakpoint::toBreakpoint).toList());
    }

    // --- execution -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<DebugEvent.Stopped> resume() {
        return motion("continue", null);
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> next() {
        return motion("step over", () -> step(StepRequest.STEP_LINE, StepRequest.STEP_OVER, "end-stepping-range"));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> step() {
        return motion("step into", () -> step(StepRequest.STEP_LINE, StepRequest.STEP_INTO, "end-stepping-range"));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> finish() {
        return motion("step out", () -> step(StepRequest.STEP_LINE, StepRequest.STEP_OUT, "function-finished"));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> stepInstruction() {
        return motion("step one bytecode", () -> step(StepRequest.STEP_MIN, StepRequest.STEP_INTO, "end-stepping-range"));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> nextInstruction() {
        return motion("step over one bytecode", () -> step(StepRequest.STEP_MIN, StepRequest.STEP_OVER, "end-stepping-range"));
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> until(String location) {
        if (location == null || location.isBlank()) {
            return finish();
        }
        return insertBreakpoint(BreakpointSpec.at(location).asTemporary())
                .thenCompose(bp -> motion("run until " + location, () -> pendingReason = "location-reached"));
    }

    private void step(int size, int depth, String reason) {
        ThreadReference thread = currentThread;
        if (thread == null) {
            throw new DebugException("no thread has stopped yet; set a breakpoint and continue first");
        }
        EventRequestManager erm = vm.eventRequestManager();
        erm.stepRequests().stream().filter(r -> r.thread().equals(thread)).toList().forEach(erm::deleteEventRequest);
        StepRequest r = erm.createStepRequest(thread, size, depth);
        for (String exclude : STEP_EXCLUDES) {
            r.addClassExclusionFilter(exclude);
        }
        r.addCountFilter(1);
        r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        r.enable();
        pendingReason = reason;
    }

    private CompletableFuture<DebugEvent.Stopped> motion(String what, Runnable prepare) {
        CompletableFuture<DebugEvent.Stopped> stop = new CompletableFuture<>();
        call(what, () -> {
            if (state.isFinal()) {
                throw new DebugException("the session has ended (" + state + "); cannot " + what);
            }
            if (prepare != null) {
                prepare.run();
            }
            stopWaiters.add(stop);
            state = SessionState.RUNNING;
            vm.resume();
            emit(new DebugEvent.Running("all"));
            return null;
        }).exceptionally(e -> {
            stop.completeExceptionally(e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e);
            return null;
        });
        return stop;
    }

    @Override
    public CompletableFuture<DebugEvent.Stopped> interrupt() {
        CompletableFuture<DebugEvent.Stopped> stop = new CompletableFuture<>();
        call("interrupt", () -> {
            if (state == SessionState.STOPPED && lastStop != null) {
                stop.complete(lastStop);
                return null;
            }
            vm.suspend();
            ThreadReference main = vm.allThreads().stream().filter(t -> t.name().equals("main")).findFirst()
                    .orElse(vm.allThreads().isEmpty() ? null : vm.allThreads().get(0));
            Optional<Frame> frame = Optional.empty();
            if (main != null) {
                currentThread = main;
                try {
                    frame = main.frameCount() > 0 ? Optional.of(frame(main.frame(0), 0)) : Optional.empty();
                } catch (IncompatibleThreadStateException e) {
                    frame = Optional.empty();
                }
            }
            stopped(new DebugEvent.Stopped("interrupted", frame, OptionalInt.empty(), Optional.empty(), Optional.empty(),
                    main == null ? "?" : Long.toString(main.uniqueID()), System.nanoTime()));
            stop.complete(lastStop);
            return null;
        }).exceptionally(e -> {
            stop.completeExceptionally(e);
            return null;
        });
        return stop;
    }

    // --- inspection ----------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<ThreadInfo>> threads() {
        return call("list threads", () -> {
            List<ThreadInfo> out = new ArrayList<>();
            for (ThreadReference t : vm.allThreads()) {
                Optional<Frame> top = Optional.empty();
                if (t.isSuspended()) {
                    try {
                        top = t.frameCount() > 0 ? Optional.of(frame(t.frame(0), 0)) : Optional.empty();
                    } catch (IncompatibleThreadStateException e) {
                        top = Optional.empty();
                    }
                }
                out.add(new ThreadInfo(Long.toString(t.uniqueID()), t.name(), threadStatus(t), top, t.equals(currentThread)));
            }
            return out;
        });
    }

    private static String threadStatus(ThreadReference t) {
        return switch (t.status()) {
            case ThreadReference.THREAD_STATUS_RUNNING -> t.isSuspended() ? "stopped" : "running";
            case ThreadReference.THREAD_STATUS_SLEEPING -> "sleeping";
            case ThreadReference.THREAD_STATUS_MONITOR -> "blocked";
            case ThreadReference.THREAD_STATUS_WAIT -> "waiting";
            case ThreadReference.THREAD_STATUS_ZOMBIE -> "zombie";
            default -> t.isSuspended() ? "stopped" : "unknown";
        };
    }

    private ThreadReference requireThread() {
        ThreadReference t = currentThread;
        if (t == null) {
            throw new DebugException("no thread has stopped yet; set a breakpoint and continue first");
        }
        return t;
    }

    private StackFrame frameAt(int level) throws IncompatibleThreadStateException {
        return frameAt(requireThread(), level);
    }

    private StackFrame frameAt(ThreadReference t, int level) throws IncompatibleThreadStateException {
        if (level < 0 || level >= t.frameCount()) {
            throw new DebugException("no frame " + level + "; the thread has " + t.frameCount());
        }
        return t.frame(level);
    }

    @Override
    public CompletableFuture<List<Frame>> frames() {
        return call("list frames", () -> {
            List<StackFrame> frames = requireThread().frames();
            List<Frame> out = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                out.add(frame(frames.get(i), i));
            }
            return out;
        });
    }

    static Frame frame(StackFrame f, int level) {
        Location l = f.location();
        return new Frame(level, l.codeIndex(), l.declaringType().name() + "." + l.method().name(), sourceName(l),
                Optional.empty(), l.lineNumber() >= 0 ? OptionalInt.of(l.lineNumber()) : OptionalInt.empty());
    }

    static Optional<String> sourceName(Location l) {
        try {
            return Optional.of(l.sourceName());
        } catch (AbsentInformationException e) {
            return Optional.empty();
        }
    }

    @Override
    public CompletableFuture<List<Variable>> variables(int frameLevel) {
        return call("list variables", () -> {
            StackFrame f = frameAt(frameLevel);
            List<Variable> out = new ArrayList<>();
            if (f.thisObject() != null) {
                out.add(new Variable("this", JdiValues.show(f.thisObject()), Optional.of(f.thisObject().referenceType().name()), false));
            }
            try {
                List<LocalVariable> locals = f.visibleVariables();
                Map<LocalVariable, Value> values = f.getValues(locals);
                for (LocalVariable v : locals) {
                    out.add(new Variable(v.name(), JdiValues.show(values.get(v)), Optional.of(v.typeName()), v.isArgument()));
                }
            } catch (AbsentInformationException e) {
                // compiled without -g: only `this`
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<String> evaluate(String expression, int frameLevel) {
        return call("evaluate '" + expression + "'", () -> JdiValues.show(JdiValues.evaluate(frameAt(frameLevel), expression)));
    }

    @Override
    public CompletableFuture<VarObject> createWatch(String expression) {
        return call("watch '" + expression + "'", () -> newWatch(JdiWatch.following(expression)));
    }

    @Override
    public CompletableFuture<VarObject> createWatchInFrame(String expression, int frameLevel) {
        return call("watch '" + expression + "' in frame " + frameLevel,
                () -> newWatch(new JdiWatch(expression, Optional.of(requireThread()), frameLevel)));
    }

    private VarObject newWatch(JdiWatch watch) throws IncompatibleThreadStateException {
        Value v = JdiValues.evaluate(frameOf(watch), watch.expression());
        String handle = "jvar" + nextWatch.getAndIncrement();
        watches.put(handle, watch);
        watchValues.put(handle, JdiValues.show(v));
        return new VarObject(handle, watch.expression(), JdiValues.show(v), Optional.ofNullable(v).map(x -> x.type().name()),
                JdiValues.childCount(v), false);
    }

    private StackFrame frameOf(JdiWatch watch) throws IncompatibleThreadStateException {
        return frameAt(watch.thread().orElseGet(this::requireThread), watch.frameLevel());
    }

    @Override
    public CompletableFuture<List<VarObject>> watchChildren(String handle) {
        return call("expand " + handle, () -> {
            JdiWatch watch = watchNamed(handle);
            String expression = watch.expression();
            Value v = JdiValues.evaluate(frameOf(watch), expression);
            List<VarObject> out = new ArrayList<>();
            for (Map.Entry<String, Value> child : JdiValues.children(v)) {
                String childExpression = expression + (child.getKey().startsWith("[") ? "" : ".") + child.getKey();
                String childHandle = handle + (child.getKey().startsWith("[") ? "" : ".") + child.getKey();
                out.add(new VarObject(childHandle, child.getKey(), JdiValues.show(child.getValue()),
                        Optional.ofNullable(child.getValue()).map(x -> x.type().name()), JdiValues.childCount(child.getValue()), false));
                watches.putIfAbsent(childHandle, watch.child(childExpression));
                watchValues.putIfAbsent(childHandle, JdiValues.show(child.getValue()));
            }
            return out;
        });
    }

    private JdiWatch watchNamed(String handle) {
        JdiWatch w = watches.get(handle);
        if (w == null) {
            throw new DebugException("no watch named " + handle);
        }
        return w;
    }

    @Override
    public CompletableFuture<List<VarChange>> updateWatches() {
        return call("update watches", () -> {
            List<VarChange> changes = new ArrayList<>();
            // before the first stop there is nothing to update: say so, rather than mark every watch out of scope
            requireThread();
            for (Map.Entry<String, JdiWatch> w : watches.entrySet()) {
                String value;
                boolean inScope = true;
                try {
                    value = JdiValues.show(JdiValues.evaluate(frameOf(w.getValue()), w.getValue().expression()));
                } catch (DebugException | IncompatibleThreadStateException | ObjectCollectedException e) {
                    // the name is not visible there, or the watch's frame or thread is gone
                    value = "";
                    inScope = false;
                }
                String old = watchValues.put(w.getKey(), value);
                if (!value.equals(old)) {
                    changes.add(new VarChange(w.getKey(), value, inScope, false));
                }
            }
            return changes;
        });
    }

    @Override
    public CompletableFuture<Void> deleteWatch(String handle) {
        return call("delete watch " + handle, () -> {
            watches.keySet().removeIf(h -> h.equals(handle) || h.startsWith(handle + ".") || h.startsWith(handle + "["));
            watchValues.keySet().removeIf(h -> !watches.containsKey(h));
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Register>> registers() {
        return unsupported("registers");
    }

    @Override
    public CompletableFuture<MemoryBlock> readMemory(String addressExpression, int length) {
        return unsupported("reading memory");
    }

    @Override
    public CompletableFuture<Void> writeMemory(String addressExpression, byte[] bytes) {
        return unsupported("writing memory");
    }

    @Override
    public CompletableFuture<List<Instruction>> disassemble(String start, String end) {
        return unsupported("disassembly");
    }

    @Override
    public CompletableFuture<String> monitor(String command) {
        return unsupported("a monitor command");
    }

    @Override
    public CompletableFuture<Void> detach(boolean leaveTargetRunning) {
        closing = true;
        return call("detach", () -> {
            try {
                vm.dispose(); // resumes every thread: JDI cannot leave a VM suspended without a debugger
            } catch (VMDisconnectedException e) {
                // already gone
            }
            endWith(SessionState.EXITED, new DebugEvent.Exited(OptionalInt.empty(), "the debugger detached"), "the debugger detached");
            return null;
        });
    }

    @Override
    public void close() {
        if (!closing) {
            try {
                detach(true).get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the VM is unreachable; nothing more to release
            }
        }
        sessionThread.shutdown();
    }

    // --- events (reader -> session thread) -----------------------------------------------------

    private void eventLoop() {
        try {
            while (true) {
                EventSet set = vm.eventQueue().remove();
                sessionThread.execute(() -> handle(set));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (VMDisconnectedException | java.util.concurrent.RejectedExecutionException e) {
            // the disconnect event (or the close) ends the session below
        }
        try {
            sessionThread.execute(() -> {
                if (deathSeen || closing) {
                    endWith(SessionState.EXITED, new DebugEvent.Exited(OptionalInt.empty(), "the JVM exited"), "the JVM exited");
                } else {
                    endWith(SessionState.FAILED, new DebugEvent.Failed("the JDWP connection closed without the JVM exiting "
                            + "(killed, or the guest's network went away); attach again if it still runs"), "the JDWP connection closed");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private void handle(EventSet set) {
        boolean stop = false;
        DebugEvent.Stopped stopEvent = null;
        for (Event e : set) {
            if (e instanceof com.sun.jdi.event.VMStartEvent) {
                return; // a VM started with suspend=y stays stopped until the user continues
            } else if (e instanceof VMDeathEvent) {
                deathSeen = true;
            } else if (e instanceof VMDisconnectEvent) {
                deathSeen = deathSeen || closing;
            } else if (e instanceof ClassPrepareEvent cp) {
                Object id = cp.request().getProperty("breakpoint");
                JdiBreakpoint bp = id == null ? null : breakpoints.get((Integer) id);
                if (bp != null) {
                    try {
                        vm.eventRequestManager().deleteEventRequest(bp.waitingForClass);
                        bp.waitingForClass = null;
                        arm(bp);
                    } catch (AbsentInformationException | DebugException ex) {
                        emit(new DebugEvent.TargetOutput("breakpoint " + bp.location + " could not be set: " + ex.getMessage() + "\n"));
                    }
                }
            } else if (e instanceof LocatableEvent le) {
                DebugEvent.Stopped s = locatable(le);
                if (s != null) {
                    stop = true;
                    stopEvent = s;
                }
            }
        }
        if (stop) {
            stopped(stopEvent);
        } else if (!state.isFinal() && set.suspendPolicy() != EventRequest.SUSPEND_NONE) {
            set.resume(); // a class prepare or an ignored hit: keep running
        }
    }

    private DebugEvent.Stopped locatable(LocatableEvent le) {
        long now = System.nanoTime();
        ThreadReference thread = le.thread();
        Object id = le.request().getProperty("breakpoint");
        JdiBreakpoint bp = id == null ? null : breakpoints.get((Integer) id);
        String reason;
        Optional<DebugEvent.WatchValues> watch = Optional.empty();
        if (le instanceof StepEvent) {
            vm.eventRequestManager().deleteEventRequest(le.request());
            reason = pendingReason == null ? "end-stepping-range" : pendingReason;
        } else if (le instanceof WatchpointEvent we) {
            if (bp == null) {
                return null;
            }
            reason = bp.kind == BreakpointKind.WATCH_READ ? "read-watchpoint-trigger"
                    : bp.kind == BreakpointKind.WATCH_ACCESS ? "access-watchpoint-trigger" : "watchpoint-trigger";
            Optional<String> newValue = we instanceof ModificationWatchpointEvent m
                    ? Optional.of(JdiValues.show(m.valueToBe())) : Optional.empty();
            watch = Optional.of(new DebugEvent.WatchValues(bp.location, Optional.of(JdiValues.show(we.valueCurrent())), newValue));
        } else if (le instanceof BreakpointEvent) {
            if (bp == null) {
                return null;
            }
            reason = bp.temporary && "location-reached".equals(pendingReason) ? "location-reached" : "breakpoint-hit";
        } else {
            return null;
        }
        if (bp != null) {
            bp.hits++;
            if (bp.hits <= bp.ignoreCount) {
                return null;
            }
            if (bp.temporary) {
                disarm(bp);
                breakpoints.remove(bp.id);
            }
        }
        currentThread = thread;
        Optional<Frame> frame = Optional.of(frame(le, thread));
        return new DebugEvent.Stopped(reason, frame, bp == null ? OptionalInt.empty() : OptionalInt.of(bp.id), Optional.empty(),
                watch, Long.toString(thread.uniqueID()), now);
    }

    private static Frame frame(LocatableEvent le, ThreadReference thread) {
        try {
            return frame(thread.frame(0), 0);
        } catch (IncompatibleThreadStateException e) {
            Location l = le.location();
            return new Frame(0, l.codeIndex(), l.declaringType().name() + "." + l.method().name(), sourceName(l), Optional.empty(),
                    OptionalInt.of(l.lineNumber()));
        }
    }

    private void stopped(DebugEvent.Stopped stop) {
        pendingReason = null;
        lastStop = stop;
        state = SessionState.STOPPED;
        List<CompletableFuture<DebugEvent.Stopped>> waiting = new ArrayList<>(stopWaiters);
        stopWaiters.clear();
        emit(stop);
        waiting.forEach(w -> w.complete(stop));
    }

    private void endWith(SessionState finalState, DebugEvent event, String why) {
        if (state.isFinal()) {
            return;
        }
        state = finalState;
        List<CompletableFuture<DebugEvent.Stopped>> waiting = new ArrayList<>(stopWaiters);
        stopWaiters.clear();
        waiting.forEach(w -> w.completeExceptionally(finalState == SessionState.EXITED
                ? new TargetExitedException(why + " before stopping") : new DebugException(why + " before stopping")));
        emit(event);
    }

    private void emit(DebugEvent event) {
        for (DebugListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                System.getLogger(JdiDebugSession.class.getName()).log(System.Logger.Level.WARNING,
                        "debug listener " + l + " failed on " + event, e);
            }
        }
    }
}
