package dev.porthole.gdb.mi.command;

import java.util.HexFormat;
import java.util.List;

/** {@code -data-write-memory-bytes ADDR HEX}: writes bytes into guest memory. */
public final class DataWriteMemoryBytes extends NoResultCommand {
    public DataWriteMemoryBytes(String addressExpression, byte[] bytes) {
        super("-data-write-memory-bytes", List.of(addressExpression, HexFormat.of().formatHex(bytes)));
        if (bytes.length == 0) {
            throw new IllegalArgumentException("nothing to write at " + addressExpression);
        }
    }
}
