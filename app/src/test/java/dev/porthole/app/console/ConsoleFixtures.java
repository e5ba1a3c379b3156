package dev.porthole.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real console output for the tests: the shared Unikraft fixture and a captured Porthole kernel run. */
final class ConsoleFixtures {
    /**
     * The Porthole kernel's console (COM1) for {@code app=fault}, captured with
     * {@code qemu-system-x86_64 -M microvm -accel tcg -nographic -nodefaults -serial stdio
     * -kernel kernel/build/porthole.elf -append app=fault -device isa-debug-exit,iobase=0xf4,iosize=0x04 -m 64}
     * (CRLF line ends as the serial port sends them).
     */
    static final String KERNEL_FAULT = """
            porthole: booting app=fault\r
            porthole: memory 65151 KiB usable in 2 regions\r
            porthole: kalloc 16112 free pages from 0x0000000000110000\r
            porthole: tsc 2621381 kHz\r
            fault: writing to 0x00000000dead0000\r
            panic: page fault (vector 14) err=0x0000000000000002 cr2=0x00000000dead0000\r
            rax=0x00000000dead0000 rbx=0x00000000001039f8 rcx=0x0000000000000000 rdx=0x00000000000003f8\r
            rsi=0x0000000000000000 rdi=0x0000000000103a9b rbp=0x000000000010bfa0 rsp=0x000000000010bfa0\r
            r8=0x0000000000000008 r9=0x000000000010be90 r10=0x0000000000000000 r11=0x0000000000000008\r
            r12=0x0000000000103a4a r13=0x0000000000000000 r14=0x0000000000000000 r15=0x0000000000000000\r
            rip=0x0000000000102233 rflags=0x0000000000000002 cs=0x0000000000000008 ss=0x0000000000000010\r
            backtrace:\r
              #0 0x0000000000102233\r
              #1 0x0000000000102259\r
              #2 0x0000000000102269\r
              #3 0x00000000001021ce\r
              #4 0x00000000001002b1\r
              #5 0x00000000001000c8\r
            panic: end\r
            porthole: exit 3\r
            """;

    private ConsoleFixtures() {
    }

    /** The Unikraft 0.17 helloworld boot log (CRLF, ANSI codes, SeaBIOS glue), split at LF only, as the launcher does. */
    static List<String> unikraftLines() {
        return splitAtNewlines(read(shared("unikraft/helloworld-boot-pc.log")));
    }

    static List<String> kernelFaultLines() {
        return splitAtNewlines(KERNEL_FAULT);
    }

    /** Kernel run then Unikraft run, as one console would see two guests. */
    static List<String> kernelThenUnikraft() {
        List<String> all = new ArrayList<>(kernelFaultLines());
        all.addAll(unikraftLines());
        return all;
    }

    private static List<String> splitAtNewlines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + path, e);
        }
    }

    /** A file under shared/fixtures, found above the working directory or at /work/shared/fixtures. */
    static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/fixtures").resolve(relative),
                    dir.resolve("../shared/fixtures").resolve(relative).normalize())) {
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        Path fallback = Path.of("/work/shared/fixtures").resolve(relative);
        if (Files.exists(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("Fixture " + relative + " not found in shared/fixtures above "
                + Path.of("").toAbsolutePath() + " nor in /work/shared/fixtures");
    }
}
