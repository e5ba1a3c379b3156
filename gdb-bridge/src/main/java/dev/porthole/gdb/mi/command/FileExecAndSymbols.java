package dev.porthole.gdb.mi.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code -file-exec-and-symbols FILE}: the ELF whose symbols and DWARF gdb uses (the 64-bit debug twin). */
public final class FileExecAndSymbols extends NoResultCommand {
    public FileExecAndSymbols(Path elf) {
        super("-file-exec-and-symbols", List.of(elf.toAbsolutePath().toString()));
    }

    @Override
    public java.util.Optional<Duration> timeout() {
        return java.util.Optional.of(Duration.ofSeconds(60)); // large DWARF (a Unikraft image) takes a while to index
    }
}
