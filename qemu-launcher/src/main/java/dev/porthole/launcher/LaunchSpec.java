package dev.porthole.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What to boot and how. Turned into QEMU's command line by {@link QemuLauncher#argv}.
 *
 * @param image         the image QEMU loads with {@code -kernel} (multiboot ELF32, PVH ELF, Linux bzImage)
 * @param machine       {@code -M}
 * @param accel         {@code -accel}; AUTO is resolved by {@link AccelProbe}
 * @param memoryMiB     {@code -m}
 * @param cpus          {@code -smp}
 * @param append        the guest's command line ({@code -append}); empty for none
 * @param extraArgs     passed to QEMU after Porthole's own arguments (refused when they would listen beyond loopback)
 * @param paused        start with the CPUs stopped ({@code -S}); {@link Guest#resume()} starts them
 * @param gdbStub       open QEMU's gdbstub on a unix socket in the run directory ({@link Guest#gdb()})
 * @param timeout       kill QEMU this long after spawn (reason TIMEOUT); {@link Duration#ZERO} for no limit
 * @param runsRoot      where {@code <timestamp>-<n>/} run records go
 * @param jdwpGuestPort when present, user-mode networking forwards {@code 127.0.0.1:<free port>} to this guest
 *                      port ({@link Guest#jdwpHostPort()})
 * @param qemuBinary    the QEMU executable, a path or a name looked up on PATH
 */
public record LaunchSpec(Path image, Machine machine, Accel accel, int memoryMiB, int cpus, String append,
        List<String> extraArgs, boolean paused, boolean gdbStub, Duration timeout, Path runsRoot,
        OptionalInt jdwpGuestPort, String qemuBinary) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_QEMU = "qemu-system-x86_64";

    public LaunchSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(accel, "accel");
        append = append == null ? "" : append;
        extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
        timeout = timeout == null ? Duration.ZERO : timeout;
        runsRoot = runsRoot == null ? Path.of("runs") : runsRoot;
        jdwpGuestPort = jdwpGuestPort == null ? OptionalInt.empty() : jdwpGuestPort;
        qemuBinary = qemuBinary == null || qemuBinary.isBlank() ? DEFAULT_QEMU : qemuBinary;
        if (memoryMiB < 1 || memoryMiB > 1 << 20) {
            throw new IllegalArgumentException("memory must be 1..1048576 MiB, got " + memoryMiB);
        }
        if (cpus < 1 || cpus > 288) {
            throw new IllegalArgumentException("cpus must be 1..288, got " + cpus);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        if (jdwpGuestPort.isPresent() && (jdwpGuestPort.getAsInt() < 1 || jdwpGuestPort.getAsInt() > 65535)) {
            throw new IllegalArgumentException("the JDWP guest port must be 1..65535, got " + jdwpGuestPort.getAsInt());
        }
    }

    /** Defaults: microvm, auto, 64 MiB, 1 CPU, no append, running, no gdbstub, 60 s, {@code ./runs}, qemu-system-x86_64. */
    public static Builder builder(Path image) {
        return new Builder(image);
    }

    /** A builder holding this spec's values, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder(image);
        b.machine = machine;
        b.accel = accel;
        b.memoryMiB = memoryMiB;
        b.cpus = cpus;
        b.append = append;
        b.extraArgs = new ArrayList<>(extraArgs);
        b.paused = paused;
        b.gdbStub = gdbStub;
        b.timeout = timeout;
        b.runsRoot = runsRoot;
        b.jdwpGuestPort = jdwpGuestPort;
        b.qemuBinary = qemuBinary;
        return b;
    }

    public boolean hasTimeout() {
        return !timeout.isZero();
    }

    public static final class Builder {
        private Path image;
        private Machine machine = Machine.MICROVM;
        private Accel accel = Accel.AUTO;
        private int memoryMiB = 64;
        private int cpus = 1;
        private String append = "";
        private List<String> extraArgs = new ArrayList<>();
        private boolean paused;
        private boolean gdbStub;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Path runsRoot = Path.of("runs");
        private OptionalInt jdwpGuestPort = OptionalInt.empty();
        private String qemuBinary = DEFAULT_QEMU;

        private Builder(Path image) {
            this.image = image;
        }

        public Builder image(Path image) {
            this.image = image;
            return this;
        }

        public Builder machine(Machine machine) {
            this.machine = machine;
            return this;
        }

        public Builder accel(Accel accel) {
            this.accel = accel;
            return this;
        }

        public Builder memoryMiB(int memoryMiB) {
            this.memoryMiB = memoryMiB;
            return this;
        }

        public Builder cpus(int cpus) {
            this.cpus = cpus;
            return this;
        }

        public Builder append(String append) {
            this.append = append;
            return this;
        }

        public Builder extraArgs(List<String> extraArgs) {
            this.extraArgs = new ArrayList<>(extraArgs);
            return this;
        }

        public Builder addExtraArgs(String... args) {
            this.extraArgs.addAll(List.of(args));
            return this;
        }

        public Builder paused(boolean paused) {
            this.paused = paused;
            return this;
        }

        public Builder gdbStub(boolean gdbStub) {
            this.gdbStub = gdbStub;
            return this;
        }

        /** {@link Duration#ZERO} for no limit. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder runsRoot(Path runsRoot) {
            this.runsRoot = runsRoot;
            return this;
        }

        public Builder jdwpGuestPort(int guestPort) {
            this.jdwpGuestPort = OptionalInt.of(guestPort);
            return this;
        }

        public Builder qemuBinary(String qemuBinary) {
            this.qemuBinary = qemuBinary;
            return this;
        }

        public LaunchSpec build() {
            return new LaunchSpec(image, machine, accel, memoryMiB, cpus, append, extraArgs, paused, gdbStub, timeout, runsRoot,
                    jdwpGuestPort, qemuBinary);
        }
    }
}
