package dev.porthole.gdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Just enough ELF64 to find the file bytes behind a virtual address (tests compare guest memory with them). */
final class ElfImage {
    private final ByteBuffer elf;

    ElfImage(Path file) throws IOException {
        elf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.getInt(0) != 0x464c457f || elf.get(4) != 2) {
            throw new IllegalArgumentException(file + " is not a 64-bit ELF");
        }
    }

    /** The bytes a PT_LOAD segment puts at {@code address}. */
    byte[] bytesAt(long address, int length) {
        long phoff = elf.getLong(0x20);
        int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
        int phnum = Short.toUnsignedInt(elf.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (elf.getInt(ph) != 1) {
                continue; // not PT_LOAD
            }
            long offset = elf.getLong(ph + 0x08);
            long vaddr = elf.getLong(ph + 0x10);
            long paddr = elf.getLong(ph + 0x18);
            long filesz = elf.getLong(ph + 0x20);
            for (long base : new long[] {vaddr, paddr}) {
                if (address >= base && address + length <= base + filesz) {
                    int from = (int) (offset + address - base);
                    return Arrays.copyOfRange(elf.array(), from, from + length);
                }
            }
        }
        throw new IllegalArgumentException("no loadable segment holds 0x" + Long.toHexString(address) + "+" + length);
    }
}
