package dev.porthole.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An image's debug twin: the unstripped ELF with its symbols and DWARF, built beside the image it describes. This
 * kernel boots {@code porthole.elf} (an ELF32 multiboot wrapper) and keeps its symbols in {@code porthole.dbg} (an
 * ELF64); Unikraft boots {@code NAME_qemu-x86_64} and keeps them in {@code NAME_qemu-x86_64.dbg};
 * {@code objcopy --only-keep-debug} users name it {@code .debug}. The launcher, the debugger and the layout view all
 * find it here, so they agree on which file it is.
 */
public final class DebugTwin {
    private static final int ELFCLASS32 = 1;
    private static final int ELFCLASS64 = 2;

    private DebugTwin() {
    }

    /** The first of {@code STEM.dbg}, {@code NAME.dbg}, {@code STEM.debug}, {@code NAME.debug} beside the image. */
    public static Optional<Path> beside(Path image) {
        return beside(image, Files::isRegularFile);
    }

    /**
     * The ELF gdb should load for {@code elf}: {@code elf} itself, unless it is an ELF32 with an ELF64 twin beside it.
     * QEMU boots a multiboot kernel from an ELF32 while its code runs in long mode; given the wrapper, gdb would think
     * the target is i386 and expect its registers.
     */
    public static Path prefer(Path elf) {
        if (elfClass(elf).orElse(ELFCLASS64) != ELFCLASS32) {
            return elf;
        }
        return beside(elf, twin -> elfClass(twin).orElse(0) == ELFCLASS64).orElse(elf);
    }

    private static Optional<Path> beside(Path image, Predicate<Path> isTwin) {
        Path absolute = image.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        List<String> names = List.of(stem + ".dbg", name + ".dbg", stem + ".debug", name + ".debug");
        return names.stream().distinct().map(absolute::resolveSibling)
                .filter(twin -> !twin.equals(absolute) && isTwin.test(twin))
                .findFirst();
    }

    /** 1 for ELF32, 2 for ELF64, empty when the file is not an ELF or cannot be read. */
    private static Optional<Integer> elfClass(Path file) {
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
