package dev.porthole.gdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start gdb and attach it to a gdbstub.
 *
 * @param gdbExecutable      the gdb to run ({@code gdb} from PATH by default)
 * @param symbolFile         the ELF with symbols and DWARF: the 64-bit debug twin, never the 32-bit multiboot
 *                           wrapper QEMU boots (gdb would take the wrapper's i386 for the architecture)
 * @param target             what {@code target remote} takes: a unix socket path or {@code 127.0.0.1:PORT}
 * @param architecture       set before connecting, because QEMU's x86_64 stub always sends the 64-bit register
 *                           file ("Remote 'g' packet reply is too long" otherwise); empty to let gdb guess
 * @param hardwareBreakpoints the default kind when a {@link BreakpointSpec} does not choose: true under KVM
 * @param transcript         receives every MI line sent and received (for captured test transcripts, debugging)
 * @param commandTimeout     how long an ordinary command may go unanswered before its future fails with a
 *                           timeout (loading symbols and connecting get longer)
 */
public record GdbOptions(String gdbExecutable, Optional<Path> symbolFile, String target, Optional<String> architecture,
                         boolean hardwareBreakpoints, Optional<Consumer<String>> transcript, Duration commandTimeout) {

    public static final String X86_64 = "i386:x86-64";

    public GdbOptions {
        Objects.requireNonNull(gdbExecutable, "gdbExecutable");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /** gdb from PATH, x86_64, software breakpoints (right under TCG). */
    public static GdbOptions forTarget(String target, Path symbolFile) {
        return new GdbOptions("gdb", Optional.ofNullable(symbolFile), target, Optional.of(X86_64), false, Optional.empty(),
                Duration.ofSeconds(10));
    }

    /**
     * For a guest the launcher started with {@code gdbStub(true)}: its stub, its image's debug twin (or the image when it
     * carries DWARF), hardware breakpoints exactly when the guest runs under KVM.
     */
    public static GdbOptions forGuest(dev.porthole.launcher.Guest guest) {
        String target = guest.gdb().orElseThrow(() -> new DebugException("the guest was launched without a gdbstub; "
                + "launch it with LaunchSpec.builder(..).gdbStub(true) (and paused(true) to debug from the first instruction)")).target();
        return new GdbOptions("gdb", guest.image().debugImage(), target, Optional.of(X86_64),
                guest.accel() == dev.porthole.launcher.Accel.KVM, Optional.empty(), Duration.ofSeconds(10));
    }

    public GdbOptions withSymbolFile(Path elf) {
        return new GdbOptions(gdbExecutable, Optional.ofNullable(elf), target, architecture, hardwareBreakpoints, transcript, commandTimeout);
    }

    public GdbOptions withCommandTimeout(Duration timeout) {
        return new GdbOptions(gdbExecutable, symbolFile, target, architecture, hardwareBreakpoints, transcript, timeout);
    }

    public GdbOptions withGdb(String executable) {
        return new GdbOptions(executable, symbolFile, target, architecture, hardwareBreakpoints, transcript, commandTimeout);
    }

    public GdbOptions withHardwareBreakpoints(boolean hw) {
        return new GdbOptions(gdbExecutable, symbolFile, target, architecture, hw, transcript, commandTimeout);
    }

    public GdbOptions withArchitecture(String arch) {
        return new GdbOptions(gdbExecutable, symbolFile, target, Optional.ofNullable(arch), hardwareBreakpoints, transcript, commandTimeout);
    }

    public GdbOptions withTranscript(Consumer<String> sink) {
        return new GdbOptions(gdbExecutable, symbolFile, target, architecture, hardwareBreakpoints, Optional.ofNullable(sink), commandTimeout);
    }
}
