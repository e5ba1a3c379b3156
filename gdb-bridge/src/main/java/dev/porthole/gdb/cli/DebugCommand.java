package dev.porthole.gdb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugException;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.gdb.Register;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.LaunchException;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.Machine;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code porthole debug [IMAGE] --break SYMBOL [--steps N] [--json]}: boot paused, attach gdb, break, show where,
 * step, run to the end. The scriptable twin of the debugger panel, and the thing the launch-to-stop benchmark
 * measures.
 */
public final class DebugCommand implements CliCommand {
    /** What is printed and put in the JSON as "the general registers". */
    public static final List<String> GENERAL_REGISTERS = List.of("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip", "eflags", "cs", "ss", "ds", "es", "fs", "gs",
            "fs_base", "gs_base", "cr0", "cr2", "cr3", "cr4", "efer");

    /** Exit statuses besides 0 (stopped, stepped, guest exited cleanly) and 2 (usage). */
    public static final int GUEST_FAILED = 1;
    public static final int NOT_STOPPED = 3;

    private static final Set<String> VALUED = Set.of("break", "steps", "debug-image", "append", "machine", "accel", "gdb",
            "timeout", "runs");
    private static final Set<String> FLAGS = Set.of("json", "software-breakpoints", "hardware-breakpoints", "help");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Standalone entry, for scripts without the app's dispatcher: {@code java -cp ... DebugCommand --break kmain}. */
    public static void main(String[] args) throws Exception {
        DebugCommand command = new DebugCommand();
        int status;
        try {
            status = command.run(List.of(args), System.out, System.err);
        } catch (UsageException e) {
            System.err.println("porthole debug: " + e.getMessage());
            System.err.print(command.usage());
            status = 2;
        }
        System.exit(status);
    }

    @Override
    public String name() {
        return "debug";
    }

    @Override
    public String summary() {
        return "boot an image paused, break at a symbol, show frame/backtrace/registers, step, run to exit";
    }

    @Override
    public String usage() {
        return """
                usage: porthole debug [IMAGE] --break SYMBOL [--steps N] [--json] [options]

                Boots IMAGE (default: the sample kernel, app=hello) paused under QEMU with its gdbstub, attaches
                gdb, breaks at SYMBOL (a function, FILE:LINE or *ADDRESS), continues, and on the stop prints the
                function, file:line, the backtrace and the general registers; then does N 'next' steps printing
                each new file:line, continues to the guest's exit and prints its status.

                  --break SYMBOL          where to stop (required)
                  --steps N               'next' steps after the stop (default 0)
                  --json                  the last line of stdout is one JSON object with stop, backtrace,
                                          registers, steps, timings_ms and exit
                  --debug-image ELF       the ELF with DWARF (default: IMAGE's debug twin, e.g. porthole.dbg)
                  --append ARGS           the guest's command line (sample kernel default: app=hello)
                  --machine M             microvm (default), pc or q35
                  --accel A               auto (default), tcg or kvm
                  --hardware-breakpoints  force hardware breakpoints (the default under KVM)
                  --software-breakpoints  force software breakpoints (the default under TCG)
                  --gdb PATH              the gdb to run (default: gdb on PATH)
                  --timeout SECONDS       give up on the whole run after this long (default 60)
                  --runs DIR              where the run record goes (default: ./runs)

                exit status: 0 stopped and the guest exited cleanly; 1 the guest failed or panicked;
                2 usage error; 3 the breakpoint was never reached or the debugger failed.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CliArgs a = CliArgs.parse(args, VALUED, FLAGS);
        if (a.flag("help")) {
            out.print(usage());
            return 0;
        }
        List<String> positionals = a.positionals(1, "at most one IMAGE");
        String symbol = a.value("break").filter(s -> !s.isBlank())
                .orElseThrow(() -> new UsageException("--break SYMBOL is required (a function such as kmain, FILE:LINE or *ADDRESS)"));
        int steps = a.intValue("steps", 0, 0, 10_000);
        int timeoutSeconds = a.intValue("timeout", 60, 1, 86_400);
        boolean json = a.flag("json");
        if (a.flag("software-breakpoints") && a.flag("hardware-breakpoints")) {
            throw new UsageException("choose one of --software-breakpoints and --hardware-breakpoints");
        }
        boolean sampleKernel = positionals.isEmpty();
        Path image = sampleKernel ? SampleKernel.image() : Path.of(positionals.get(0));
        if (!Files.isRegularFile(image)) {
            throw new UsageException("no image at " + image + "; give the path of a bootable ELF or bzImage");
        }
        Machine machine;
        Accel accel;
        try {
            machine = Machine.parse(a.value("machine").orElse("microvm"));
            accel = Accel.parse(a.value("accel").orElse("auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String append = a.value("append").orElse(sampleKernel ? "app=hello" : "");
        Path runs = Path.of(a.value("runs").orElse("runs"));

        LaunchSpec spec = LaunchSpec.builder(image).machine(machine).accel(accel).append(append).paused(true).gdbStub(true)
                .timeout(Duration.ofSeconds(timeoutSeconds)).runsRoot(runs).build();
        Report report = new Report();
        long t0 = System.nanoTime();
        Guest guest;
        try {
            guest = new QemuLauncher().launch(spec);
        } catch (LaunchException e) {
            err.println("porthole debug: could not boot " + image + ": " + e.getMessage());
            return NOT_STOPPED;
        }
        try (guest) {
            GdbOptions defaults = GdbOptions.forGuest(guest);
            // An image with neither a twin nor DWARF of its own is still given to gdb: its symbols are better than none.
            Path debugImage = a.value("debug-image").map(Path::of).or(defaults::symbolFile).orElse(image);
            GdbOptions options = defaults.withSymbolFile(debugImage).withGdb(a.value("gdb").orElse("gdb"));
            if (a.flag("hardware-breakpoints") || a.flag("software-breakpoints")) {
                options = options.withHardwareBreakpoints(a.flag("hardware-breakpoints"));
            }
            String target = options.target();
            out.println("booted " + image + " paused (" + guest.accel().name().toLowerCase() + ", "
                    + guest.machine().name().toLowerCase() + "); run record " + guest.runDir());
            try (GdbDebugSession session = GdbDebugSession.start(options)) {
                report.launchToAttachNanos = System.nanoTime() - t0;
                out.println("gdb attached to " + target + ", symbols from " + debugImage);
                return debug(session, guest, symbol, steps, timeoutSeconds, t0, report, out, err, json);
            } catch (DebugException e) {
                err.println("porthole debug: " + e.getMessage());
                report.error = e.getMessage();
                finishJson(report, guest, json, out);
                return NOT_STOPPED;
            }
        }
    }

    private int debug(GdbDebugSession session, Guest guest, String symbol, int steps, int timeoutSeconds, long t0,
                      Report report, PrintStream out, PrintStream err, boolean json) throws Exception {
        Breakpoint bp = await(session.insertBreakpoint(BreakpointSpec.at(symbol)), timeoutSeconds);
        out.println("breakpoint " + bp.describe());
        DebugEvent.Stopped stop;
        try {
            stop = await(session.resume(), timeoutSeconds);
        } catch (DebugException | TimeoutException e) {
            err.println("porthole debug: the guest never reached " + symbol + ": " + e.getMessage());
            report.error = "never reached " + symbol + ": " + e.getMessage();
            finishJson(report, guest, json, out);
            return NOT_STOPPED;
        }
        report.launchToStopNanos = stop.hostNanos() - t0;
        report.stop = stop;
        out.println("stopped (" + stop.reason() + ") in " + stop.frame().map(Frame::describe).orElse("?"));
        report.backtrace = await(session.frames(), timeoutSeconds);
        out.println("backtrace:");
        for (Frame f : report.backtrace) {
            out.println("  #" + f.level() + " " + f.describe() + (f.file().isPresent() ? " (0x" + Long.toHexString(f.address()) + ")" : ""));
        }
        report.registers = await(session.registers(GENERAL_REGISTERS), timeoutSeconds);
        out.println("registers:");
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < report.registers.size(); i++) {
            Register r = report.registers.get(i);
            row.append(String.format("  %-8s %-18s", r.name(), r.value()));
            if (i % 4 == 3 || i == report.registers.size() - 1) {
                out.println(row.toString().stripTrailing());
                row.setLength(0);
            }
        }
        for (int i = 1; i <= steps; i++) {
            DebugEvent.Stopped s;
            try {
                s = await(session.next(), timeoutSeconds);
            } catch (DebugException e) {
                out.println("step " + i + ": the guest ended (" + e.getMessage() + ")");
                break;
            }
            report.steps.add(s);
            out.println("step " + i + ": " + s.frame().map(f -> f.file().orElse("?") + ":"
                    + (f.line().isPresent() ? f.line().getAsInt() : "?") + " (" + f.function() + ")").orElse("?"));
        }
        if (!session.state().isFinal()) {
            await(session.deleteBreakpoint(bp.id()), timeoutSeconds);
            out.println("continuing to the guest's exit");
            session.resume(); // ends with the session's Exited; the guest's exit is what we wait for
        }
        GuestExit exit = guest.awaitExit(Duration.ofSeconds(timeoutSeconds));
        report.launchToExitNanos = System.nanoTime() - t0;
        report.exit = exit;
        String console = guest.console().text();
        if (!console.isBlank()) {
            out.println("guest console:");
            console.lines().forEach(l -> out.println("  | " + l));
        }
        out.println("guest exited: " + exit.reason().jsonName() + ", code " + exit.code() + " (QEMU status " + exit.qemuStatus() + ")"
                + (exit.message().isBlank() ? "" : ": " + exit.message()));
        finishJson(report, guest, json, out);
        return exit.success() ? 0 : GUEST_FAILED;
    }

    private static <T> T await(CompletableFuture<T> future, int timeoutSeconds) throws Exception {
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final class Report {
        DebugEvent.Stopped stop;
        List<Frame> backtrace = List.of();
        List<Register> registers = List.of();
        final List<DebugEvent.Stopped> steps = new ArrayList<>();
        long launchToStopNanos = -1;
        long launchToAttachNanos = -1;
        long launchToExitNanos = -1;
        GuestExit exit;
        String error;
    }

    private static void finishJson(Report report, Guest guest, boolean json, PrintStream out) throws Exception {
        if (!json) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode stop = root.putObject("stop");
        if (report.stop != null) {
            stop.put("reason", report.stop.reason());
            report.stop.frame().ifPresent(f -> frame(stop, f));
        }
        ArrayNode bt = root.putArray("backtrace");
        report.backtrace.forEach(f -> frame(bt.addObject(), f));
        ObjectNode regs = root.putObject("registers");
        report.registers.forEach(r -> regs.put(r.name(), r.value()));
        ArrayNode steps = root.putArray("steps");
        for (DebugEvent.Stopped s : report.steps) {
            ObjectNode step = steps.addObject();
            s.frame().ifPresent(f -> {
                step.put("file", f.file().orElse(null));
                if (f.line().isPresent()) {
                    step.put("line", f.line().getAsInt());
                } else {
                    step.putNull("line");
                }
                step.put("function", f.function());
            });
        }
        ObjectNode timings = root.putObject("timings_ms");
        millis(timings, "launch_to_attach", report.launchToAttachNanos);
        millis(timings, "launch_to_stop", report.launchToStopNanos);
        millis(timings, "launch_to_exit", report.launchToExitNanos);
        ObjectNode exit = root.putObject("exit");
        GuestExit e = report.exit;
        if (e == null && guest.exit().isDone()) {
            e = guest.exit().getNow(null);
        }
        if (e != null) {
            exit.setAll((ObjectNode) JSON.valueToTree(e.toJson()));
        }
        root.put("run_dir", guest.runDir().toString());
        if (report.error != null) {
            root.put("error", report.error);
        }
        out.println(JSON.writeValueAsString(root));
    }

    private static void millis(ObjectNode timings, String name, long nanos) {
        if (nanos >= 0) {
            timings.put(name, Math.round(nanos / 1e4) / 100.0);
        } else {
            timings.putNull(name);
        }
    }

    private static void frame(ObjectNode node, Frame f) {
        node.put("function", f.function());
        node.put("file", f.file().orElse(null));
        if (f.line().isPresent()) {
            node.put("line", f.line().getAsInt());
        } else {
            node.putNull("line");
        }
        node.put("address", "0x" + Long.toHexString(f.address()));
    }
}
