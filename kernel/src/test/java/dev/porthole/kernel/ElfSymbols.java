package dev.porthole.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Function symbols of an ELF with their sizes, read with binutils' {@code nm} (the tests' independent witness). */
final class ElfSymbols {
    private record Function(String name, long start, long size) { }

    private final TreeMap<Long, Function> byStart = new TreeMap<>();

    static ElfSymbols of(Path elf) throws IOException, InterruptedException {
        Process nm = new ProcessBuilder("nm", "--defined-only", "-S", elf.toString()).redirectErrorStream(true).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (nm.waitFor() != 0) {
            throw new IOException("nm failed on " + elf + ": " + out);
        }
        ElfSymbols symbols = new ElfSymbols();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && (f[2].equals("T") || f[2].equals("t"))) {
                long start = Long.parseUnsignedLong(f[0], 16);
                symbols.byStart.put(start, new Function(f[3], start, Long.parseUnsignedLong(f[1], 16)));
            }
        }
        return symbols;
    }

    /** The function whose [start, start + size) holds the address. */
    Optional<String> functionAt(long address) {
        Map.Entry<Long, Function> e = byStart.floorEntry(address);
        if (e == null || address >= e.getValue().start() + e.getValue().size()) {
            return Optional.empty();
        }
        return Optional.of(e.getValue().name());
    }
}
