package dev.porthole.build.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks x86-64 4-level page tables from CR3 and lists what is mapped: virtual -> physical runs with their
 * effective permissions (present, writable, user, no-execute), for 4 KiB, 2 MiB and 1 GiB pages.
 *
 * <p>Entry bits used (Intel SDM vol. 3, 4.5): P (0), R/W (1), U/S (2), PS (7, in PDPT and PD entries: a
 * 1 GiB or 2 MiB page), XD (63, honoured only when EFER.NXE is set), and the address bits 12..51 (51 is
 * the architectural maximum; QEMU's TCG uses fewer). Permissions are combined the way the CPU does it:
 * a page is writable only if every level says so, user-accessible likewise, and no-execute if any level
 * says so. Non-canonical halves are skipped by construction: PML4 entries 256-511 map the upper half
 * with sign extension.
 *
 * <p>A corrupt table can point anywhere, loops included; the walk reads at most {@link #MAX_TABLES}
 * tables and each table once.
 */
public final class PageTableWalker {
    public static final long KIB4 = 4096;
    public static final long MIB2 = 2L << 20;
    public static final long GIB = 1L << 30;
    public static final int MAX_TABLES = 16_384;

    private static final long PRESENT = 1;
    private static final long WRITABLE = 1 << 1;
    private static final long USER = 1 << 2;
    private static final long PAGE_SIZE = 1 << 7;
    private static final long NO_EXECUTE = 1L << 63;
    private static final long ADDRESS_MASK = 0x000f_ffff_ffff_f000L;

    private final PhysicalMemoryReader memory;
    private final boolean noExecuteEnabled;
    private final Map<Long, long[]> tables = new HashMap<>();
    private final List<PageMapping> runs = new ArrayList<>();

    private PageTableWalker(PhysicalMemoryReader memory, boolean noExecuteEnabled) {
        this.memory = memory;
        this.noExecuteEnabled = noExecuteEnabled;
    }

    /**
     * @param cr3              the CR3 register (its flag bits are ignored)
     * @param noExecuteEnabled EFER.NXE: whether bit 63 means no-execute (otherwise it is reserved and every page executes)
     * @return the mapped runs by virtual address, adjacent runs with equal permissions and page size merged
     */
    public static List<PageMapping> walk(PhysicalMemoryReader memory, long cr3, boolean noExecuteEnabled) throws IOException {
        PageTableWalker walker = new PageTableWalker(memory, noExecuteEnabled);
        walker.walkLevel(cr3 & ADDRESS_MASK, 4, 0, true, true, false);
        return List.copyOf(walker.runs);
    }

    private void walkLevel(long table, int level, long virtualBase, boolean writable, boolean user, boolean noExecute) throws IOException {
        long[] entries = table(table);
        long span = 1L << (12 + 9 * (level - 1)); // what one entry covers at this level
        for (int i = 0; i < 512; i++) {
            long entry = entries[i];
            if ((entry & PRESENT) == 0) {
                continue;
            }
            long virtual = virtualBase + i * span;
            if (level == 4 && i >= 256) {
                virtual |= 0xffff_0000_0000_0000L; // sign-extend bit 47: the upper half of the address space
            }
            boolean w = writable && (entry & WRITABLE) != 0;
            boolean u = user && (entry & USER) != 0;
            boolean nx = noExecute || noExecuteEnabled && (entry & NO_EXECUTE) != 0;
            boolean leaf = level == 1 || (level == 2 || level == 3) && (entry & PAGE_SIZE) != 0;
            if (leaf) {
                long physical = entry & ADDRESS_MASK & ~(span - 1);
                add(new PageMapping(virtual, physical, span, w, u, !nx, span));
            } else if (level > 1) {
                walkLevel(entry & ADDRESS_MASK, level - 1, virtual, w, u, nx);
            }
        }
    }

    private long[] table(long physical) throws IOException {
        long[] cached = tables.get(physical);
        if (cached != null) {
            return cached;
        }
        if (tables.size() >= MAX_TABLES) {
            throw new IOException("the page tables reference more than " + MAX_TABLES + " tables (at 0x" + Long.toHexString(physical)
                    + "): they are corrupt or loop; CR3 may not point at a page table");
        }
        byte[] bytes = memory.read(physical, 4096);
        if (bytes.length != 4096) {
            throw new IOException("read " + bytes.length + " bytes of the page table at 0x" + Long.toHexString(physical) + ", expected 4096");
        }
        long[] entries = new long[512];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(entries);
        tables.put(physical, entries);
        return entries;
    }

    private void add(PageMapping next) {
        if (!runs.isEmpty()) {
            PageMapping last = runs.get(runs.size() - 1);
            if (last.virtualEnd() == next.virtualStart() && last.physicalStart() + last.size() == next.physicalStart()
                    && last.writable() == next.writable() && last.user() == next.user() && last.executable() == next.executable()
                    && last.pageSize() == next.pageSize()) {
                runs.set(runs.size() - 1, new PageMapping(last.virtualStart(), last.physicalStart(), last.size() + next.size(),
                        last.writable(), last.user(), last.executable(), last.pageSize()));
                return;
            }
        }
        runs.add(next);
    }
}
