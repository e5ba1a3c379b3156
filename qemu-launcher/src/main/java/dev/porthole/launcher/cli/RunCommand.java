package dev.porthole.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.HostTimings;
import dev.porthole.launcher.LaunchException;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.Machine;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.RunRecord;
import dev.porthole.launcher.SerialLine;
import dev.porthole.launcher.tracestream.GuestPhase;
import dev.porthole.launcher.tracestream.TraceStream;
import dev.porthole.launcher.tracestream.TraceStreamParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code porthole run [IMAGE] [options]}: boots an image (default: the sample kernel with {@code app=hello}), streams
 * its console to stdout as lines arrive, records the run and exits with a status that says how the guest ended.
 */
public final class RunCommand implements CliCommand {
    /** Exit statuses beyond the guest's own code (which is passed through for 1..119). */
    public static final int STATUS_PANIC = 120;
    public static final int STATUS_TIMEOUT = 121;
    public static final int STATUS_KILLED = 122;
    public static final int STATUS_QEMU_ERROR = 123;
    public static final int STATUS_LAUNCH_REFUSED = 124;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QemuLauncher launcher;
    private final java.util.Optional<dev.porthole.launcher.PanicSymbolizer> panicSymbolizer;

    public RunCommand() {
        this(new QemuLauncher());
    }

    public RunCommand(QemuLauncher launcher) {
        this(launcher, java.util.Optional.empty());
    }

    /** @param panicSymbolizer names a panic's backtrace frames (the app wires build-view's symbolizer here) */
    public RunCommand(QemuLauncher launcher, java.util.Optional<dev.porthole.launcher.PanicSymbolizer> panicSymbolizer) {
        this.launcher = launcher;
        this.panicSymbolizer = panicSymbolizer;
    }

    @Override
    public String name() {
        return "run";
    }

    /** After a panic: the backtrace again, with names and source lines, when the image has a debug twin. */
    private void printSymbolizedBacktrace(Guest guest, PrintStream out, PrintStream err) {
        if (panicSymbolizer.isEmpty() || guest.image().debugImage().isEmpty()) {
            return;
        }
        try {
            List<String> frames = panicSymbolizer.get().describe(guest.image().debugImage().get(),
                    guest.console().lines().stream().map(SerialLine::plainText).toList());
            if (!frames.isEmpty()) {
                out.println("backtrace, symbolized with " + guest.image().debugImage().get().getFileName() + ":");
                frames.forEach(frame -> out.println("  " + frame));
            }
        } catch (Exception e) {
            err.println("porthole run: could not symbolize the backtrace: " + e.getMessage());
        }
    }

    @Override
    public String summary() {
        return "boot an image under QEMU, stream its console, record the run";
    }

    @Override
    public String usage() {
        return """
                usage: porthole run [IMAGE] [--machine microvm|pc|q35] [--accel auto|tcg|kvm] [--memory MiB] [--cpus N]
                                    [--append ARGS] [--timeout S] [--runs DIR] [--qemu BINARY] [--json]
                  IMAGE        multiboot ELF32, PVH ELF or Linux bzImage (default: the sample kernel, with --append app=hello)
                  --machine    QEMU machine (default microvm)
                  --accel      accelerator (default auto: KVM only when a cached probe found it working and fast)
                  --memory     guest memory in MiB (default 64)
                  --cpus       virtual CPUs (default 1)
                  --append     the guest's command line
                  --timeout    seconds before Porthole kills the guest (default 60; 0 for none)
                  --runs       where run records go (default ./runs)
                  --qemu       the QEMU executable (default qemu-system-x86_64 on PATH)
                  --json       after the console, print one JSON object: exit, run_dir, timings_ms, accel, machine, guest_phases
                exit status: 0 when the guest exited with code 0 (or shut down); its code (1..119) when it exited with another;
                  120 panic, 121 timeout, 122 killed, 123 QEMU error, 124 the image or options were refused before QEMU ran""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CliArgs parsed = CliArgs.parse(args, Set.of("machine", "accel", "memory", "cpus", "append", "timeout", "runs", "qemu"), Set.of("json"));
        List<String> positionals = parsed.positionals(1, "at most one IMAGE");
        boolean json = parsed.flag("json");
        LaunchSpec spec;
        try {
            spec = spec(parsed, positionals);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Guest guest;
        try {
            guest = launcher.launch(spec);
        } catch (LaunchException e) {
            err.println("porthole run: " + e.getMessage());
            if (json) {
                Map<String, Object> refused = new LinkedHashMap<>();
                refused.put("error", e.getMessage());
                refused.put("exit", Map.of("reason", "launch-refused", "code", -1));
                refused.put("run_dir", e.runDir().map(Path::toString).orElse(null));
                out.println(JSON.writeValueAsString(refused));
            }
            return STATUS_LAUNCH_REFUSED;
        }
        GuestExit exit;
        try (guest) {
            guest.console().addListener(line -> printLine(out, line));
            exit = guest.exit().get();
        }
        out.flush();
        if (exit.reason() == GuestExit.Reason.PANIC) {
            printSymbolizedBacktrace(guest, out, err);
        }
        err.println("porthole run: " + exit.message() + " (" + guest.machine().qemuName() + ", " + guest.accel().qemuName() + ", "
                + millis(guest.timings().sinceSpawnNanos(HostTimings.Stamp.EXIT)) + " ms); run record " + guest.runDir());
        if (json) {
            out.println(JSON.writeValueAsString(summary(guest, exit)));
        }
        return status(exit);
    }

    private static LaunchSpec spec(CliArgs parsed, List<String> positionals) {
        Path image = positionals.isEmpty() ? SampleKernel.image() : Path.of(positionals.get(0));
        String append = parsed.value("append").orElse(positionals.isEmpty() ? "app=hello" : "");
        double timeout = parsed.doubleValue("timeout", LaunchSpec.DEFAULT_TIMEOUT.toSeconds(), 0, 7 * 24 * 3600);
        LaunchSpec.Builder b = LaunchSpec.builder(image).append(append)
                .machine(Machine.parse(parsed.value("machine").orElse("microvm")))
                .accel(Accel.parse(parsed.value("accel").orElse("auto")))
                .memoryMiB(parsed.intValue("memory", 64, 1, 1 << 20))
                .cpus(parsed.intValue("cpus", 1, 1, 288))
                .timeout(Duration.ofNanos((long) (timeout * 1e9)))
                .runsRoot(Path.of(parsed.value("runs").orElse("runs")));
        parsed.value("qemu").ifPresent(b::qemuBinary);
        return b.build();
    }

    private static void printLine(PrintStream out, SerialLine line) {
        byte[] bytes = line.bytes();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        out.write(bytes, 0, length);
        out.write('\n');
        out.flush();
    }

    /** The status {@code porthole run} exits with for a guest's end. */
    public static int status(GuestExit exit) {
        return switch (exit.reason()) {
            case EXIT -> exit.code() == 0 ? 0 : Math.min(Math.max(exit.code(), 1), 119);
            case SHUTDOWN -> 0;
            case PANIC -> STATUS_PANIC;
            case TIMEOUT -> STATUS_TIMEOUT;
            case KILLED -> STATUS_KILLED;
            case QEMU_ERROR -> STATUS_QEMU_ERROR;
        };
    }

    private static Map<String, Object> summary(Guest guest, GuestExit exit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exit", exit.toJson());
        json.put("run_dir", guest.runDir().toString());
        Map<String, Object> ms = new LinkedHashMap<>();
        HostTimings t = guest.timings();
        ms.put("spawn_to_first_byte", millis(t.sinceSpawnNanos(HostTimings.Stamp.FIRST_CONSOLE_BYTE)));
        ms.put("spawn_to_exit", millis(t.sinceSpawnNanos(HostTimings.Stamp.EXIT)));
        ms.put("spawn_to_qmp_ready", millis(t.sinceSpawnNanos(HostTimings.Stamp.QMP_READY)));
        ms.put("spawn_to_first_trace_line", millis(t.sinceSpawnNanos(HostTimings.Stamp.FIRST_TRACE_LINE)));
        json.put("timings_ms", ms);
        json.put("accel", guest.accel().qemuName());
        json.put("accel_reason", guest.accelReason());
        json.put("machine", guest.machine().qemuName());
        json.put("image", guest.image().image().toString());
        json.put("console_lines", guest.console().lineCount());
        json.put("guest_phases", guestPhases(guest.runDir().resolve(RunRecord.TRACE)));
        return json;
    }

    private static List<Map<String, Object>> guestPhases(Path traceLog) {
        List<Map<String, Object>> phases = new ArrayList<>();
        try {
            if (!Files.isRegularFile(traceLog) || Files.size(traceLog) == 0) {
                return phases;
            }
            TraceStream stream = TraceStreamParser.parse(traceLog, false);
            if (stream.header().isEmpty()) {
                return phases;
            }
            for (GuestPhase p : stream.phases().all()) {
                Map<String, Object> phase = new LinkedHashMap<>();
                phase.put("name", p.name());
                phase.put("start_us", round(p.startUs()));
                phase.put("duration_us", round(p.durationUs()));
                phase.put("depth", p.depth());
                if (p.parent() != null) {
                    phase.put("parent", p.parent());
                }
                if (!p.closed()) {
                    phase.put("closed", false);
                }
                phases.add(phase);
            }
        } catch (IOException | RuntimeException e) {
            // a guest's broken trace must not break the run's summary; the raw stream stays in the record
        }
        return phases;
    }

    private static Double millis(OptionalLong nanos) {
        return nanos.isPresent() ? round(nanos.getAsLong() / 1e6) : null;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
