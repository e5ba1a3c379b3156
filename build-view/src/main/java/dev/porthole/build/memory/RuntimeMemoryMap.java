package dev.porthole.build.memory;

import dev.porthole.build.elf.ElfSection;
import dev.porthole.gdb.DebugSession;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's memory as it is at a stop, read through the debug session, set beside the ELF sections:
 * the physical address space (QEMU's {@code info mtree -f}), the page tables walked from CR3, and for
 * every allocated section whether it is mapped with the permissions its flags imply.
 *
 * <p>Everything goes through QEMU's monitor ({@code monitor ...} over the gdbstub), because gdb itself
 * reads virtual memory only: {@code info registers} for CR3 and EFER, {@code xp /512gx ADDR} for each page
 * table (physical reads; one round trip per table), {@code info mtree -f} for the physical map. The
 * target must be stopped.
 *
 * @param noExecuteEnabled EFER.NXE: without it x86 ignores the no-execute bit and everything executes
 */
public record RuntimeMemoryMap(long cr3, boolean noExecuteEnabled, boolean pagingEnabled, List<PhysicalRegion> physical,
                               List<PageMapping> mappings, List<SectionCheck> sections) {
    private static final Pattern CR0 = Pattern.compile("\\bCR0=([0-9a-fA-F]+)");
    private static final Pattern CR3 = Pattern.compile("\\bCR3=([0-9a-fA-F]+)");
    private static final Pattern EFER = Pattern.compile("\\bEFER=([0-9a-fA-F]+)");
    private static final long CR0_PG = 1L << 31;
    private static final long EFER_NXE = 1L << 11;
    static final long MONITOR_TIMEOUT_SECONDS = 30;

    /** True when every section is mapped as its flags say. */
    public boolean allSectionsAsFlagged() {
        return sections.stream().allMatch(SectionCheck::ok);
    }

    /** The mapping of a virtual address, if any. */
    public java.util.Optional<PageMapping> mappingOf(long virtualAddress) {
        return mappings.stream().filter(m -> m.contains(virtualAddress)).findFirst();
    }

    /**
     * Reads the map from a stopped target.
     *
     * @param sections the image's sections (from {@code ImageLayout.sections()}) to check against the mappings
     * @throws IOException when a monitor command fails or times out; the message names the command
     */
    public static RuntimeMemoryMap read(DebugSession session, List<ElfSection> sections) throws IOException {
        String registers = monitor(session, "info registers");
        long cr0 = register(registers, CR0, "CR0");
        long cr3 = register(registers, CR3, "CR3");
        long efer = EFER.matcher(registers).find() ? register(registers, EFER, "EFER") : 0;
        List<PhysicalRegion> physical = PhysicalRegion.parseFlatView(monitor(session, "info mtree -f"));
        boolean paging = (cr0 & CR0_PG) != 0;
        boolean nxe = (efer & EFER_NXE) != 0;
        List<PageMapping> mappings = paging ? PageTableWalker.walk(monitorReader(session), cr3, nxe) : List.of();
        return new RuntimeMemoryMap(cr3, nxe, paging, physical, mappings, SectionCheck.checkAll(sections, mappings));
    }

    /** Physical memory through QEMU's {@code xp}: eight bytes per word, 512 words for a page table. */
    public static PhysicalMemoryReader monitorReader(DebugSession session) {
        return (address, length) -> {
            if (length % 8 != 0 || address % 8 != 0) {
                throw new IOException("xp reads whole 8-byte words: 0x" + Long.toHexString(address) + " length " + length);
            }
            String text = monitor(session, "xp /" + (length / 8) + "gx 0x" + Long.toHexString(address));
            return parseXp(text, address, length);
        };
    }

    /** {@code 0000000000110000: 0x0000000000111023 0x0000000000000000} lines -> bytes, little-endian. */
    static byte[] parseXp(String text, long address, int length) throws IOException {
        byte[] bytes = new byte[length];
        int words = 0;
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            long lineAddress;
            try {
                lineAddress = Long.parseUnsignedLong(line.substring(0, colon).trim(), 16);
            } catch (NumberFormatException e) {
                continue;
            }
            String[] values = line.substring(colon + 2).trim().split("\\s+");
            for (int i = 0; i < values.length; i++) {
                String value = values[i];
                if (!value.startsWith("0x")) {
                    throw new IOException("unexpected xp output at 0x" + Long.toHexString(address) + ": " + line);
                }
                long word = Long.parseUnsignedLong(value.substring(2), 16);
                long offset = lineAddress - address + i * 8L;
                if (offset < 0 || offset + 8 > length) {
                    continue;
                }
                for (int b = 0; b < 8; b++) {
                    bytes[(int) offset + b] = (byte) (word >>> (8 * b));
                }
                words++;
            }
        }
        if (words != length / 8) {
            throw new IOException("QEMU's xp returned " + words + " of " + (length / 8) + " words at physical 0x"
                    + Long.toHexString(address) + ": " + firstLine(text));
        }
        return bytes;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static long register(String text, Pattern pattern, String name) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IOException("QEMU's 'info registers' has no " + name + " (is this an x86 guest?): " + firstLine(text));
        }
        return Long.parseUnsignedLong(m.group(1), 16);
    }

    static String monitor(DebugSession session, String command) throws IOException {
        try {
            return session.monitor(command).get(MONITOR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("monitor command '" + command + "' failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("monitor command '" + command + "' did not answer within " + MONITOR_TIMEOUT_SECONDS
                    + " s; is the target stopped?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during monitor command '" + command + "'", e);
        }
    }
}
