package dev.porthole.build.memory;

/**
 * A run of virtual addresses that the page tables map, contiguously, to physical addresses, with one set
 * of effective permissions (the AND of the writable and user bits, the OR of the no-execute bits, over all
 * levels of the walk).
 *
 * @param pageSize the size of the pages in the run: 4 KiB, 2 MiB or 1 GiB (runs never mix sizes)
 */
public record PageMapping(long virtualStart, long physicalStart, long size, boolean writable, boolean user, boolean executable,
                          long pageSize) {
    public long virtualEnd() {
        return virtualStart + size;
    }

    /** {@code r-x}, {@code rw-}, {@code r--}: present pages are always readable on x86. */
    public String permissions() {
        return "r" + (writable ? "w" : "-") + (executable ? "x" : "-");
    }

    public boolean contains(long virtualAddress) {
        return Long.compareUnsigned(virtualAddress - virtualStart, size) < 0;
    }

    /** The physical address of {@code virtualAddress}, which must be inside. */
    public long translate(long virtualAddress) {
        return physicalStart + (virtualAddress - virtualStart);
    }

    public String pageSizeName() {
        return pageSize == PageTableWalker.GIB ? "1G" : pageSize == PageTableWalker.MIB2 ? "2M" : "4K";
    }

    @Override
    public String toString() {
        return String.format("0x%016x-0x%016x -> 0x%x %s%s %s", virtualStart, virtualEnd(), physicalStart, permissions(),
                user ? " user" : "", pageSizeName());
    }
}
