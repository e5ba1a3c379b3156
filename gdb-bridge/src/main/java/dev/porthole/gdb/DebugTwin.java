package dev.porthole.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The 64-bit debug ELF to load symbols from when given a 32-bit boot wrapper. QEMU boots a multiboot kernel from an
 * ELF32 ({@code porthole.elf}), while its code runs in long mode and its DWARF lives in an ELF64 twin
 * ({@code porthole.dbg}; Unikraft: {@code NAME.dbg}). Loading the wrapper would make gdb think the target is i386.
 */
public final class DebugTwin {
    private DebugTwin() {
    }

    /** {@code elf} itself unless it is an ELF32 with an ELF64 {@code STEM.dbg} or {@code NAME.dbg} beside it. */
    public static Path prefer(Path elf) {
        if (elfClass(elf).orElse(2) != 1) {
            return elf;
        }
        String name = elf.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (String candidate : dot > 0 ? new String[] {name.substring(0, dot) + ".dbg", name + ".dbg"} : new String[] {name + ".dbg"}) {
            Path twin = elf.resolveSibling(candidate);
            if (!twin.equals(elf) && elfClass(twin).orElse(0) == 2) {
                return twin;
            }
        }
        return elf;
    }

    /** 1 for ELF32, 2 for ELF64, empty when the file is not an ELF or cannot be read. */
    static Optional<Integer> elfClass(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] ident = in.readNBytes(5);
            if (ident.length == 5 && ident[0] == 0x7f && ident[1] == 'E' && ident[2] == 'L' && ident[3] == 'F') {
                return Optional.of((int) ident[4]);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
