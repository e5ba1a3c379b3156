package dev.porthole.build.memory;

import java.io.IOException;

/** Reads guest physical memory: what the page-table walk needs from a debug session (or a test). */
@FunctionalInterface
public interface PhysicalMemoryReader {
    /**
     * Exactly {@code length} bytes from guest physical address {@code physicalAddress}.
     *
     * @throws IOException when the memory cannot be read (not RAM, the session ended); the message says which
     */
    byte[] read(long physicalAddress, int length) throws IOException;
}
