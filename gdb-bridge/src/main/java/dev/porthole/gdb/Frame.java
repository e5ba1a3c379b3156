package dev.porthole.gdb;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One stack frame, innermost first ({@code level} 0). {@code file} is as the debug info names it,
 * {@code fullPath} the absolute path when known. For JVM frames {@code function} is
 * {@code Class.method} and {@code address} the bytecode index.
 */
public record Frame(int level, long address, String function, Optional<String> file, Optional<String> fullPath,
                    OptionalInt line) {

    /** {@code function at file:line}, or {@code function (0xaddr)} when there is no line information. */
    public String describe() {
        return file.isPresent() && line.isPresent()
                ? function + " at " + file.get() + ":" + line.getAsInt()
                : function + " (0x" + Long.toHexString(address) + ")";
    }
}
