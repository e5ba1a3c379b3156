package dev.porthole.gdb;

import java.util.Optional;
import java.util.OptionalInt;

/** One disassembled instruction; {@code file}/{@code line} name the source line it belongs to when known. */
public record Instruction(long address, Optional<String> function, int offset, String opcodes, String text,
                          Optional<String> file, OptionalInt line) {
}
