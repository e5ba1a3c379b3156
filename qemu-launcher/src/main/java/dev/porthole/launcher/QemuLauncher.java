package dev.porthole.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Boots images under QEMU: checks the image, resolves the accelerator, makes the run record, opens the console and
 * trace named pipes and the QMP socket (Porthole listens, QEMU connects at start, so nothing is missed), spawns QEMU
 * tied to this JVM's life ({@link ChildProcesses}) and hands back a {@link Guest}.
 *
 * <p>QEMU's argv, in this order: {@code -M -accel -m -smp -nodefaults -no-reboot -display none [-S] -kernel
 * [-append]}, the console chardev as COM1, the trace chardev on isa-debugcon 0xe9, QMP as a control monitor,
 * isa-debug-exit at 0xf4 (4 bytes), pvpanic, [gdbstub on a unix socket], [user net with a 127.0.0.1 hostfwd], then
 * the spec's extra arguments.
 */
public final class QemuLauncher {
    /** unix socket paths must fit sun_path (108 bytes); longer run folders get their sockets in a private /tmp folder. */
    static final int MAX_SOCKET_PATH = 100;

    /** Named pipes, not sockets: see {@link GuestPipe} for why the console and trace go through FIFOs. */
    public static final String CONSOLE_FIFO = "console.fifo";
    public static final String TRACE_FIFO = "trace.fifo";
    public static final String QMP_SOCKET = "qmp.sock";
    public static final String GDB_SOCKET = "gdb.sock";

    private final AccelProbe accelProbe;

    /** A launcher using the per-user accelerator cache. */
    public QemuLauncher() {
        this(AccelProbe.userDefault());
    }

    public QemuLauncher(AccelProbe accelProbe) {
        this.accelProbe = accelProbe;
    }

    public AccelProbe accelProbe() {
        return accelProbe;
    }

    /**
     * Boots the spec's image. Returns once QMP is ready (or QEMU already ended: a guest can exit in milliseconds).
     *
     * @throws LaunchException the image cannot be booted, QEMU is missing, an extra argument would listen beyond
     *                         loopback, the runs folder is unusable, or QEMU could not be started; the message says
     *                         what to do
     */
    public Guest launch(LaunchSpec spec) throws LaunchException {
        ImageInfo image = ImageInspector.inspect(spec.image());
        Path qemu = ChildProcesses.findOnPath(spec.qemuBinary()).orElseThrow(() -> new LaunchException("QEMU binary '" + spec.qemuBinary()
                + "' was not found" + (spec.qemuBinary().contains("/") ? " or is not executable" : " on PATH")
                + "; install it (Debian/Ubuntu: apt install qemu-system-x86) or give its full path"));
        LoopbackPolicy.check(spec.extraArgs());
        AccelProbe.Verdict accel = accelProbe.resolve(spec.accel(), spec.machine(), qemu);
        RunRecord record = RunRecord.create(spec.runsRoot());
        Path socketDir = socketDir(record.dir());
        OptionalInt jdwpHostPort = spec.jdwpGuestPort().isPresent() ? OptionalInt.of(freeLoopbackPort(record)) : OptionalInt.empty();
        List<String> argv = argv(spec.toBuilder().qemuBinary(qemu.toString()).build(), accel.accel(), socketDir, jdwpHostPort);
        try {
            record.writeCmdline(argv);
            record.writeJson(RunRecord.LAUNCH, launchJson(spec, image, accel, argv, socketDir, jdwpHostPort));
        } catch (IOException e) {
            throw new LaunchException("cannot write the run record in " + record.dir() + ": " + e.getMessage(), record.dir(), e);
        }
        return QemuGuest.start(spec, image, accel, argv, record, socketDir, jdwpHostPort);
    }

    /**
     * QEMU's command line for {@code spec}.
     *
     * @param resolvedAccel TCG or KVM
     * @param socketDir     where the console, trace, QMP and gdb sockets are
     * @param jdwpHostPort  the 127.0.0.1 port to forward to the spec's JDWP guest port, when it has one
     */
    public List<String> argv(LaunchSpec spec, Accel resolvedAccel, Path socketDir, OptionalInt jdwpHostPort) {
        List<String> argv = new ArrayList<>();
        argv.add(spec.qemuBinary());
        argv.addAll(List.of("-M", spec.machine().qemuName(), "-accel", resolvedAccel.qemuName(), "-m", String.valueOf(spec.memoryMiB()),
                "-smp", String.valueOf(spec.cpus()), "-nodefaults", "-no-reboot", "-display", "none"));
        if (spec.paused()) {
            argv.add("-S");
        }
        argv.add("-kernel");
        argv.add(spec.image().toAbsolutePath().toString());
        if (!spec.append().isEmpty()) {
            argv.add("-append");
            argv.add(spec.append());
        }
        argv.addAll(List.of("-chardev", "file,id=con,path=" + optionPath(socketDir.resolve(CONSOLE_FIFO)), "-serial", "chardev:con"));
        argv.addAll(List.of("-chardev", "file,id=trc,path=" + optionPath(socketDir.resolve(TRACE_FIFO)),
                "-device", "isa-debugcon,iobase=0xe9,chardev=trc"));
        argv.addAll(List.of("-chardev", "socket,id=qmp,path=" + optionPath(socketDir.resolve(QMP_SOCKET)) + ",server=off",
                "-mon", "chardev=qmp,mode=control"));
        argv.addAll(List.of("-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"));
        argv.addAll(List.of("-device", "pvpanic")); // ISA pvpanic (port 0x505): microvm, pc and q35 all have an ISA bus
        if (spec.gdbStub()) {
            argv.addAll(List.of("-gdb", "unix:" + optionPath(socketDir.resolve(GDB_SOCKET)) + ",server=on,wait=off"));
        }
        if (jdwpHostPort.isPresent()) {
            argv.addAll(List.of("-netdev", "user,id=net0,hostfwd=tcp:127.0.0.1:" + jdwpHostPort.getAsInt() + "-:" + spec.jdwpGuestPort().getAsInt(),
                    "-device", (spec.machine() == Machine.MICROVM ? "virtio-net-device,netdev=net0" : "virtio-net-pci,netdev=net0,romfile=")));
        }
        argv.addAll(spec.extraArgs());
        return argv;
    }

    /** QEMU option values separate with commas; a comma in a path is written twice. */
    private static String optionPath(Path path) {
        return path.toString().replace(",", ",,");
    }

    private static Path socketDir(Path runDir) throws LaunchException {
        if (runDir.resolve(GDB_SOCKET).toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return runDir;
        }
        try {
            return Files.createTempDirectory("porthole-sock-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new LaunchException("the run folder " + runDir + " is too long for unix socket paths and no private temporary folder "
                    + "could be made (" + e.getMessage() + "); use a shorter runs folder", runDir, e);
        }
    }

    private static int freeLoopbackPort(RunRecord record) throws LaunchException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free TCP port on 127.0.0.1 for the JDWP forward: " + e.getMessage(), record.dir(), e);
        }
    }

    private static Map<String, Object> launchJson(LaunchSpec spec, ImageInfo image, AccelProbe.Verdict accel, List<String> argv, Path socketDir,
            OptionalInt jdwpHostPort) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", image.image().toString());
        json.put("image_kind", image.kind().name().toLowerCase());
        json.put("image_description", image.description());
        json.put("debug_image", image.debugImage().map(Path::toString).orElse(null));
        json.put("machine", spec.machine().qemuName());
        json.put("accel", accel.accel().qemuName());
        json.put("accel_requested", spec.accel().name().toLowerCase());
        json.put("accel_reason", accel.reason());
        json.put("memory_mib", spec.memoryMiB());
        json.put("cpus", spec.cpus());
        json.put("append", spec.append());
        json.put("extra_args", spec.extraArgs());
        json.put("paused", spec.paused());
        json.put("gdb_stub", spec.gdbStub());
        json.put("timeout_s", spec.timeout().toMillis() / 1000.0);
        json.put("socket_dir", socketDir.toString());
        json.put("jdwp_host_port", jdwpHostPort.isPresent() ? jdwpHostPort.getAsInt() : null);
        json.put("tied_to_jvm_by", ChildProcesses.mechanism());
        json.put("argv", argv);
        return json;
    }
}
