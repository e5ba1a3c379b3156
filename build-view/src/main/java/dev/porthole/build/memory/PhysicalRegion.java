package dev.porthole.build.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of the guest's physical address space as QEMU lays it out: RAM, ROM or device I/O.
 *
 * @param end  exclusive
 * @param kind QEMU's word: {@code ram}, {@code rom}, {@code romd}, {@code i/o}
 * @param name the memory region ({@code microvm.ram}, {@code pc.bios}, {@code ioapic}, ...)
 */
public record PhysicalRegion(long start, long end, String kind, String name) {
    private static final Pattern REGION = Pattern.compile(
            "^\\s+([0-9a-f]+)-([0-9a-f]+) \\(prio -?\\d+, ([^)]+)\\): (\\S+)(?: @([0-9a-f]+))?.*$");

    public long size() {
        return end - start;
    }

    public boolean isRam() {
        return kind.equals("ram");
    }

    /**
     * Parses QEMU's {@code info mtree -f}: the regions of the flat view that serves the address space
     * {@code "memory"} (the system bus; the CPU's view is the same flat view on these machines). Adjacent
     * pieces of one region (QEMU splits RAM around holes, "microvm.ram @0000000000100000") are joined.
     */
    public static List<PhysicalRegion> parseFlatView(String mtree) {
        List<PhysicalRegion> regions = new ArrayList<>();
        boolean inMemoryView = false;
        boolean sawMemoryAs = false;
        for (String line : mtree.split("\r?\n")) {
            if (line.startsWith("FlatView")) {
                inMemoryView = false;
                sawMemoryAs = false;
                continue;
            }
            if (line.startsWith(" AS \"memory\"")) {
                sawMemoryAs = true;
                continue;
            }
            if (line.startsWith(" Root memory region") && sawMemoryAs) {
                inMemoryView = true;
                continue;
            }
            if (!inMemoryView) {
                continue;
            }
            Matcher m = REGION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long start = Long.parseUnsignedLong(m.group(1), 16);
            long end = Long.parseUnsignedLong(m.group(2), 16) + 1;
            String kind = m.group(3).trim();
            String name = m.group(4);
            if (!regions.isEmpty()) {
                PhysicalRegion last = regions.get(regions.size() - 1);
                if (last.end == start && last.name.equals(name) && last.kind.equals(kind)) {
                    regions.set(regions.size() - 1, new PhysicalRegion(last.start, end, kind, name));
                    continue;
                }
            }
            regions.add(new PhysicalRegion(start, end, kind, name));
        }
        return regions;
    }

    @Override
    public String toString() {
        return String.format("0x%x-0x%x %s %s", start, end, kind, name);
    }
}
