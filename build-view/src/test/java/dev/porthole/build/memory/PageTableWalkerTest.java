package dev.porthole.build.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.elf.ElfSection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Page sizes and permission bits on hand-built tables (the real kernel uses 4 KiB and 2 MiB pages only;
 * 1 GiB pages, user pages and the upper half are checked here). The walk on real tables read from the
 * stopped kernel is in {@link RuntimeMemoryMapTest}.
 */
class PageTableWalkerTest {
    static final long P = 1;
    static final long W = 2;
    static final long U = 4;
    static final long PS = 0x80;
    static final long NX = 1L << 63;

    /** Physical memory made of 4 KiB tables. */
    static final class FakeMemory implements PhysicalMemoryReader {
        final Map<Long, long[]> pages = new HashMap<>();

        void set(long table, int index, long entry) {
            pages.computeIfAbsent(table, t -> new long[512])[index] = entry;
        }

        @Override
        public byte[] read(long physicalAddress, int length) throws IOException {
            long[] table = pages.get(physicalAddress);
            if (table == null) {
                throw new IOException("nothing at 0x" + Long.toHexString(physicalAddress));
            }
            ByteBuffer bytes = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asLongBuffer().put(table);
            return bytes.array();
        }
    }

    @Test
    void fourKilobyteTwoMegabyteAndOneGigabytePagesWithTheirPermissions() throws Exception {
        FakeMemory memory = new FakeMemory();
        long pml4 = 0x1000;
        long pdpt = 0x2000;
        long pd = 0x3000;
        long pt = 0x4000;
        memory.set(pml4, 0, pdpt | P | W | U);
        memory.set(pdpt, 0, pd | P | W);                          // 0 - 1 GiB through a page directory
        memory.set(pdpt, 1, 0x4000_0000L | P | W | U | PS | NX);  // 1 - 2 GiB: one 1 GiB page, user, NX
        memory.set(pd, 0, pt | P | W);                            // 0 - 2 MiB through a page table
        memory.set(pd, 1, 0x0020_0000L | P | PS);                 // 2 - 4 MiB: read-only, executable 2 MiB page
        memory.set(pt, 0x100, 0x0010_0000L | P);                  // 1 MiB: code
        memory.set(pt, 0x101, 0x0010_1000L | P);                  // 1 MiB + 4 KiB: code, merges with the page before
        memory.set(pt, 0x102, 0x0030_0000L | P | W | NX);         // data, somewhere else physically

        List<PageMapping> mappings = PageTableWalker.walk(memory, pml4 | 0x18, true);
        assertEquals(4, mappings.size(), mappings.toString());
        assertEquals(new PageMapping(0x100000, 0x100000, 0x2000, false, false, true, 4096), mappings.get(0));
        assertEquals(new PageMapping(0x102000, 0x300000, 0x1000, true, false, false, 4096), mappings.get(1));
        assertEquals(new PageMapping(0x200000, 0x200000, 0x200000, false, false, true, PageTableWalker.MIB2), mappings.get(2));
        PageMapping gigabyte = mappings.get(3);
        assertEquals(0x4000_0000L, gigabyte.virtualStart());
        assertEquals(PageTableWalker.GIB, gigabyte.size());
        assertTrue(gigabyte.user(), "user only because every level allows it");
        assertFalse(gigabyte.executable());
        assertEquals("1G", gigabyte.pageSizeName());
        assertEquals(0x4000_1234L, gigabyte.translate(0x4000_1234L));
        assertFalse(mappings.get(0).user(), "the PDPT entry is supervisor-only, so is everything below it");

        List<PageMapping> withoutNxe = PageTableWalker.walk(memory, pml4, false);
        assertTrue(withoutNxe.stream().allMatch(PageMapping::executable), "without EFER.NXE bit 63 means nothing");
    }

    @Test
    void upperHalfIsSignExtended() throws Exception {
        FakeMemory memory = new FakeMemory();
        memory.set(0x1000, 511, 0x2000 | P | W);
        memory.set(0x2000, 510, 0x0000_0000L | P | W | PS); // 1 GiB page at 0xffffffff80000000, the usual kernel base
        List<PageMapping> mappings = PageTableWalker.walk(memory, 0x1000, true);
        assertEquals(1, mappings.size());
        assertEquals(0xffff_ffff_8000_0000L, mappings.get(0).virtualStart());
    }

    @Test
    void loopsAndUnreadableTablesAreErrorsNotHangs() {
        FakeMemory loop = new FakeMemory();
        loop.set(0x1000, 0, 0x1000 | P); // a PML4 entry pointing at its own table (recursive mapping)
        List<PageMapping> recursive = assertDoesNotThrowWalk(loop);
        assertEquals(List.of(new PageMapping(0, 0x1000, 4096, false, false, true, 4096)), recursive,
                "read once per level, the table maps itself at virtual 0");
        FakeMemory missing = new FakeMemory();
        missing.set(0x1000, 0, 0x9000 | P);
        IOException e = assertThrows(IOException.class, () -> PageTableWalker.walk(missing, 0x1000, true));
        assertTrue(e.getMessage().contains("0x9000"), e.getMessage());
    }

    private static List<PageMapping> assertDoesNotThrowWalk(FakeMemory memory) {
        try {
            return PageTableWalker.walk(memory, 0x1000, true);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sectionChecksNameWhatIsWrong() {
        ElfSection text = new ElfSection(1, ".text", ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR,
                0x100000, 0x1000, 0x2000, 0, 0, 0, 16);
        ElfSection bss = new ElfSection(2, ".bss", ElfSection.SHT_NOBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE,
                0x102000, 0, 0x3000, 0, 0, 0, 4096);
        List<PageMapping> mappings = List.of(
                new PageMapping(0x100000, 0x100000, 0x2000, false, false, true, 4096),
                new PageMapping(0x102000, 0x102000, 0x1000, true, false, false, 4096),
                new PageMapping(0x104000, 0x104000, 0x1000, true, false, true, 4096));
        List<SectionCheck> checks = SectionCheck.checkAll(List.of(text, bss), mappings);
        assertTrue(checks.get(0).ok(), checks.get(0).toString());
        List<SectionCheck.Problem> problems = checks.get(1).problems();
        assertEquals(List.of(new SectionCheck.Problem(0x103000, 0x104000, "not mapped"),
                new SectionCheck.Problem(0x104000, 0x105000, "executable, but .bss is not code")), problems);
    }

    @Test
    void xpOutputParsesToLittleEndianBytes() throws Exception {
        byte[] bytes = RuntimeMemoryMap.parseXp("0000000000110000: 0x0000000000111023 0x0000000000000000\n", 0x110000, 16);
        assertEquals(0x23, bytes[0]);
        assertEquals(0x10, bytes[1]);
        assertEquals(0x11, bytes[2]);
        assertThrows(IOException.class, () -> RuntimeMemoryMap.parseXp("Cannot access memory\n", 0x110000, 16));
    }
}
