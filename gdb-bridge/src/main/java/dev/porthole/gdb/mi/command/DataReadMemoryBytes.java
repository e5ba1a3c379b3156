package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.DebugException;
import dev.porthole.gdb.MemoryBlock;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code -data-read-memory-bytes ADDR COUNT}: raw bytes. gdb answers with one or more readable blocks
 * ({@code memory=[{begin,offset,end,contents},..]}); a gap (unmapped page) is an error here rather than a
 * silently short block, so the caller never mistakes missing bytes for zeros.
 */
public final class DataReadMemoryBytes extends MiCommand<MemoryBlock> {
    private final String address;
    private final int count;

    public DataReadMemoryBytes(String addressExpression, int count) {
        super("-data-read-memory-bytes", List.of(addressExpression, Integer.toString(count)));
        this.address = addressExpression;
        this.count = count;
    }

    @Override
    public MemoryBlock parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        List<MiTuple> blocks = result.results().list("memory").tuples();
        if (blocks.isEmpty()) {
            throw new DebugException("gdb read no memory at " + address);
        }
        long begin = blocks.get(0).address("begin").orElse(0) + blocks.get(0).address("offset").orElse(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count);
        long expected = begin;
        for (MiTuple b : blocks) {
            long start = b.address("begin").orElse(0) + b.address("offset").orElse(0);
            if (start != expected) {
                throw new DebugException("memory at " + address + " is readable only up to 0x" + Long.toHexString(expected)
                        + " (" + (expected - begin) + " of " + count + " bytes); the rest is not mapped");
            }
            byte[] chunk = HexFormat.of().parseHex(b.require("contents"));
            bytes.writeBytes(chunk);
            expected = start + chunk.length;
        }
        if (bytes.size() < count) {
            throw new DebugException("memory at " + address + " is readable only for " + bytes.size() + " of " + count
                    + " bytes; the rest is not mapped");
        }
        return new MemoryBlock(begin, bytes.toByteArray());
    }
}
