package dev.porthole.app.session;

import dev.porthole.app.crash.CrashReport;
import dev.porthole.app.task.TaskRunner;
import dev.porthole.app.workbench.GuestState;
import dev.porthole.app.workspace.Workspace;
import dev.porthole.app.workspace.WorkspaceConfig;
import dev.porthole.build.layout.Symbolizer;
import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugListener;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.gdb.TargetExitedException;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.Machine;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.SerialLine;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the workbench's Build, Run and Debug actions do, with no JavaFX in sight: build when stale, boot under
 * QEMU, attach gdb, place breakpoints, run to the first stop, step, pause, stop, restart. One guest at a time.
 *
 * <p>Long steps (build, boot, attach) run one after another on the workflow's own worker thread; stepping goes
 * through the debug session's futures. Everything the user should see goes to the {@link WorkflowListener}.
 *
 * <p>Under the debugger, a panicking guest is stopped before it exits, so it can be inspected: the workflow also
 * breaks at the image's panic exit ({@link #PANIC_STOPS}) when the image has one.
 */
public final class GuestWorkflow implements AutoCloseable {
    /** Where each known kernel ends a panic: the sample kernel's exit with its panic code; Unikraft's crash path. */
    static final List<BreakpointSpec> PANIC_STOPS = List.of(
            BreakpointSpec.at("exit_qemu").withCondition("code == 3"),
            BreakpointSpec.at("ukplat_crash"));

    private final QemuLauncher launcher;
    private final ImageBuilder builder;
    private final WorkflowListener listener;
    private final Supplier<Workspace> workspace;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "porthole-workflow");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> breakpointIds = new ConcurrentHashMap<>();
    private final List<Integer> panicStopIds = new ArrayList<>();

    private volatile Guest guest;
    private volatile DebugSession session;
    private volatile boolean lastWasDebug;
    private volatile Symbolizer symbolizer;
    private volatile Path symbolizerImage;
    private volatile long symbolizerStamp;
    private final PanicWatch panicWatch = new PanicWatch();

    public GuestWorkflow(QemuLauncher launcher, ImageBuilder builder, Supplier<Workspace> workspace, WorkflowListener listener) {
        this.launcher = launcher;
        this.builder = builder;
        this.workspace = workspace;
        this.listener = listener;
    }

    public Optional<DebugSession> session() {
        return Optional.ofNullable(session);
    }

    public Optional<Guest> guest() {
        return Optional.ofNullable(guest);
    }

    // --- actions -------------------------------------------------------------------------------

    public CompletableFuture<Void> build() {
        return submit(() -> {
            BuildOutcome outcome = runBuild(true);
            listener.stateChanged(GuestState.IDLE, false, outcome.summary());
        });
    }

    public CompletableFuture<Void> run() {
        return submit(() -> start(false));
    }

    public CompletableFuture<Void> debug() {
        return submit(() -> start(true));
    }

    public CompletableFuture<Void> restart() {
        return submit(() -> {
            stopNow();
            start(lastWasDebug);
        });
    }

    public CompletableFuture<Void> stop() {
        builder.cancel();
        return submit(this::stopNow);
    }

    public CompletableFuture<DebugEvent.Stopped> resume() {
        return motion(DebugSession::resume);
    }

    public CompletableFuture<DebugEvent.Stopped> stepOver() {
        return motion(DebugSession::next);
    }

    public CompletableFuture<DebugEvent.Stopped> stepInto() {
        return motion(DebugSession::step);
    }

    public CompletableFuture<DebugEvent.Stopped> stepOut() {
        return motion(DebugSession::finish);
    }

    /**
     * Run to Cursor: a temporary breakpoint at the line, then continue. Not gdb's {@code until LOCATION}, which only
     * stops there when the line is in the current frame (from kmain, a line in a called app would never be reached).
     */
    public CompletableFuture<DebugEvent.Stopped> runTo(Path file, int line) {
        return motion(s -> s.insertBreakpoint(BreakpointSpec.at(file.toAbsolutePath() + ":" + line).asTemporary())
                .thenCompose(ignored -> s.resume()));
    }

    public CompletableFuture<DebugEvent.Stopped> pause() {
        DebugSession s = session;
        return s == null ? CompletableFuture.failedFuture(new IllegalStateException("no debug session")) : s.interrupt();
    }

    /** A breakpoint the user added while a session runs; also kept in the workspace by the caller. */
    public void addBreakpoint(WorkspaceConfig.Breakpoint breakpoint) {
        DebugSession s = session;
        if (s != null) {
            insert(s, breakpoint);
        }
    }

    public void removeBreakpoint(WorkspaceConfig.Breakpoint breakpoint) {
        DebugSession s = session;
        Integer id = breakpointIds.remove(locationOf(breakpoint));
        if (s != null && id != null) {
            s.deleteBreakpoint(id);
        }
    }

    // --- the steps -----------------------------------------------------------------------------

    private void start(boolean underDebugger) throws Exception {
        if (guest != null && guest.isAlive()) {
            listener.problem("a guest is already running; stop it first (Shift+F5)");
            return;
        }
        lastWasDebug = underDebugger;
        panicWatch.reset();
        Workspace ws = workspace.get();
        BuildOutcome built = runBuild(false);
        if (!built.success()) {
            listener.stateChanged(GuestState.FAILED, false, "build failed; see Problems");
            return;
        }
        Path image = ws.image().orElseThrow(() -> new IllegalStateException(
                "porthole.json names no image; set build.image to the file QEMU boots"));
        listener.stateChanged(GuestState.BOOTING, underDebugger, "booting " + image.getFileName());
        LaunchSpec spec = specFor(ws, image, underDebugger);
        Guest started = launcher.launch(spec);
        guest = started;
        listener.guestStarted(started);
        started.console().addListener(line -> onConsole(started, line));
        if (!underDebugger) {
            // Said before the exit is watched: a guest can be gone already (app=fault panics 80 ms after QEMU starts),
            // and its end, reported first, would be overwritten by "running" for good.
            listener.stateChanged(GuestState.RUNNING, false, "running " + describe(spec));
        }
        started.exit().whenComplete((exit, error) -> onExit(started, exit, error));
        if (underDebugger) {
            attach(ws, started);
        }
    }

    private void attach(Workspace ws, Guest started) {
        GdbOptions options = GdbOptions.forGuest(started).withSymbolFile(ws.debugImage().orElseThrow());
        DebugSession s = GdbDebugSession.start(options, List.of(new SessionEvents()));
        session = s;
        listener.sessionStarted(s);
        breakpointIds.clear();
        panicStopIds.clear();
        List<WorkspaceConfig.Breakpoint> wanted = ws.config().breakpoints().stream().filter(WorkspaceConfig.Breakpoint::enabled).toList();
        for (WorkspaceConfig.Breakpoint b : wanted) {
            insert(s, b).join();
        }
        if (breakpointIds.isEmpty()) {
            // No breakpoint of the user's: stop at the kernel's entry to C, as a debugger's "run to main" does.
            s.insertBreakpoint(BreakpointSpec.at("kmain").asTemporary()).exceptionally(e -> null).join();
        }
        for (BreakpointSpec stop : PANIC_STOPS) {
            s.insertBreakpoint(stop).thenAccept(b -> panicStopIds.add(b.id())).exceptionally(e -> null).join();
        }
        listener.stateChanged(GuestState.RUNNING, true, "running to the first breakpoint");
        s.resume();
    }

    private CompletableFuture<Breakpoint> insert(DebugSession s, WorkspaceConfig.Breakpoint b) {
        BreakpointSpec spec = BreakpointSpec.at(locationOf(b)).withHardware(b.hardware());
        if (b.condition() != null && !b.condition().isBlank()) {
            spec = spec.withCondition(b.condition());
        }
        return s.insertBreakpoint(spec).whenComplete((inserted, error) -> {
            if (error == null) {
                breakpointIds.put(locationOf(b), inserted.id());
            } else {
                listener.problem("breakpoint at " + b.location() + " was not set: " + TaskRunner.messageOf(error));
            }
        });
    }

    private String locationOf(WorkspaceConfig.Breakpoint b) {
        if (b.function() != null) {
            return b.function();
        }
        return workspace.get().resolvePath(b.file()) + ":" + b.line();
    }

    private LaunchSpec specFor(Workspace ws, Path image, boolean underDebugger) {
        WorkspaceConfig.Launch launch = ws.config().launch();
        LaunchSpec.Builder spec = LaunchSpec.builder(image)
                .machine(Machine.parse(launch.machine()))
                .accel(Accel.parse(launch.accel()))
                .memoryMiB(launch.memoryMiB())
                .cpus(launch.cpus())
                .append(launch.append())
                .extraArgs(launch.extraArgs())
                .runsRoot(ws.root().resolve("runs"))
                .paused(underDebugger)
                .gdbStub(underDebugger)
                // A person inspecting a stopped guest is not a hung guest: no timeout under the debugger.
                .timeout(underDebugger ? Duration.ZERO : Duration.ofSeconds(launch.timeoutSeconds()));
        if (launch.jvm() && launch.jdwpGuestPort() != null) {
            spec.jdwpGuestPort(launch.jdwpGuestPort());
        }
        return spec.build();
    }

    private BuildOutcome runBuild(boolean always) throws Exception {
        Workspace ws = workspace.get();
        if (ws.buildCommand().isEmpty()) {
            return BuildOutcome.skipped("no build command in porthole.json; using the image as it is");
        }
        if (!always && !isStale(ws)) {
            return BuildOutcome.skipped("image is up to date");
        }
        listener.stateChanged(GuestState.BUILDING, false, "building: " + ws.buildCommand().get());
        BuildOutcome outcome = builder.build(ws);
        listener.buildFinished(outcome);
        return outcome;
    }

    /**
     * Stale when the image is missing or any source under the workspace is newer (build outputs, runs, hidden files,
     * target/ and .git aside). A file that vanishes while the folder is walked (a save's temporary file, renamed
     * over porthole.json a moment later) is skipped: it is no source, and a Run right after an edit must not fail
     * on it.
     */
    static boolean isStale(Workspace ws) throws IOException {
        Optional<Path> image = ws.image();
        if (image.isEmpty() || !Files.isRegularFile(image.get())) {
            return true;
        }
        long built = Files.getLastModifiedTime(image.get()).toMillis();
        Path imageDir = image.get().getParent();
        Path runs = ws.root().resolve("runs");
        boolean[] newer = {false};
        Files.walkFileTree(ws.root(), Set.of(), 6, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = String.valueOf(dir.getFileName());
                boolean skipped = !dir.equals(ws.root())
                        && (dir.equals(imageDir) || dir.equals(runs) || name.equals("target") || name.equals(".git"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !file.startsWith(imageDir) && !name.startsWith(".") && !name.equals("porthole.json")
                        && attrs.lastModifiedTime().toMillis() > built) {
                    newer[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        return newer[0];
    }

    /**
     * Stop means the guest ends now: QEMU is killed first, and only then the debugger closed, because closing gdb
     * detaches, and a detach lets the guest run on (it would finish, or crash, on its own before the kill).
     */
    private void stopNow() {
        DebugSession s = session;
        session = null;
        Guest g = guest;
        if (g != null && g.isAlive()) {
            g.kill();
            try {
                g.exit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                listener.problem("QEMU (pid " + g.pid() + ") did not exit after SIGKILL within 5 s: " + TaskRunner.messageOf(e));
            }
        }
        if (s != null) {
            s.close();
        }
    }

    /** Whether the last guest started (or the one running) was started under the debugger. */
    public boolean lastRunWasDebugged() {
        return lastWasDebug;
    }

    private CompletableFuture<DebugEvent.Stopped> motion(java.util.function.Function<DebugSession, CompletableFuture<DebugEvent.Stopped>> step) {
        DebugSession s = session;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no debug session: press Debug (F5) first"));
        }
        CompletableFuture<DebugEvent.Stopped> f = step.apply(s);
        f.whenComplete((stop, error) -> {
            // A guest run to its end is no problem: the launcher reports its exit, with its code, in the status bar.
            if (error != null && session == s && !(TaskRunner.causeOf(error) instanceof TargetExitedException)) {
                listener.problem(TaskRunner.messageOf(error));
            }
        });
        return f;
    }

    private void onConsole(Guest g, SerialLine line) {
        listener.consoleLine(line);
        // Whichever comes first, this line or the debugger's stop at the panic exit, reports the crash (PanicWatch).
        if (PanicWatch.endsAReport(line.plainText())) {
            reportCrash(g);
        }
    }

    private void reportCrash(Guest g) {
        panicWatch.check(() -> g.console().lines().stream().map(SerialLine::plainText).toList()).ifPresent(panic -> {
            Workspace ws = workspace.get();
            Optional<Symbolizer> sym = ws.debugImage().flatMap(this::symbolizerFor);
            listener.crashed(CrashReport.symbolize(panic, sym, List.of(ws.root())));
        });
    }

    /** The symbolizer for the debug image, rebuilt only when the image changed. */
    private Optional<Symbolizer> symbolizerFor(Path image) {
        try {
            long stamp = Files.getLastModifiedTime(image).toMillis();
            if (symbolizer == null || !image.equals(symbolizerImage) || stamp != symbolizerStamp) {
                symbolizer = Symbolizer.forImage(image);
                symbolizerImage = image;
                symbolizerStamp = stamp;
            }
            return Optional.of(symbolizer);
        } catch (Exception e) {
            listener.problem("cannot symbolize with " + image + ": " + TaskRunner.messageOf(e));
            return Optional.empty();
        }
    }

    private void onExit(Guest g, GuestExit exit, Throwable error) {
        if (g != guest) {
            return;
        }
        DebugSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        if (error != null) {
            listener.problem("the guest's end could not be read: " + TaskRunner.messageOf(error));
            listener.stateChanged(GuestState.FAILED, false, "failed");
            return;
        }
        GuestState state = switch (exit.reason()) {
            case PANIC -> GuestState.PANICKED;
            case QEMU_ERROR -> GuestState.FAILED;
            default -> GuestState.EXITED;
        };
        if (exit.reason() == GuestExit.Reason.QEMU_ERROR) {
            listener.problem("QEMU could not run the guest: " + exit.message());
        }
        listener.guestExited(exit, g.runDir());
        listener.stateChanged(state, false, describeExit(exit));
    }

    static String describeExit(GuestExit exit) {
        return switch (exit.reason()) {
            case EXIT -> "guest exited with code " + exit.code();
            case PANIC -> "guest panicked (code " + exit.code() + ")";
            case SHUTDOWN -> "guest shut down";
            case TIMEOUT -> "guest timed out and was stopped";
            case KILLED -> "guest stopped";
            case QEMU_ERROR -> "QEMU failed: " + exit.message();
        };
    }

    private static String describe(LaunchSpec spec) {
        return spec.image().getFileName() + (spec.append().isBlank() ? "" : " " + spec.append());
    }

    /** Forwards the session's events: stops, runs, exits, failures. */
    private final class SessionEvents implements DebugListener {
        @Override
        public void onEvent(DebugEvent event) {
            if (event instanceof DebugEvent.Stopped stop) {
                onStopped(stop);
            } else if (event instanceof DebugEvent.Running) {
                listener.running();
                listener.stateChanged(GuestState.RUNNING, true, "running");
            } else if (event instanceof DebugEvent.Failed failed) {
                listener.problem("the debugger failed: " + failed.why());
                listener.stateChanged(guest != null && guest.isAlive() ? GuestState.STOPPED : GuestState.FAILED, false,
                        "debugger failed; the guest is left as it was");
            }
            // Exited: the guest's own exit is reported by the launcher, with its decoded reason.
        }

        private void onStopped(DebugEvent.Stopped stop) {
            if (stop.reason().equals("attached")) {
                // The reset vector, while the workflow places breakpoints and runs on: not a stop to show or to act on.
                return;
            }
            boolean atPanic = stop.breakpoint().isPresent() && panicStopIds.contains(stop.breakpoint().getAsInt());
            listener.stopped(stop);
            String where = stop.frame().map(f -> f.function() + f.file().map(file -> " at " + file).orElse("")
                    + f.line().stream().mapToObj(l -> ":" + l).findFirst().orElse("")).orElse("");
            listener.stateChanged(GuestState.STOPPED, true, (atPanic ? "stopped at the guest's panic" : "stopped: " + stop.reason()) + " " + where);
            Guest g = guest;
            if (atPanic && g != null) {
                // The console may not have the report's last lines yet; then its end line reports the crash.
                reportCrash(g);
            }
        }
    }

    private CompletableFuture<Void> submit(TaskRunner.ThrowingRunnable work) {
        return CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (Exception e) {
                listener.problem(TaskRunner.messageOf(e));
                listener.stateChanged(guest != null && guest.isAlive() ? GuestState.RUNNING : GuestState.FAILED, session != null, TaskRunner.messageOf(e));
            }
        }, worker);
    }

    @Override
    public void close() {
        stopNow();
        worker.shutdownNow();
    }
}
