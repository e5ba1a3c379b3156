package dev.porthole.build.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which source file each symbol came from, read from the image's DWARF line information by binutils:
 * {@code nm -l --defined-only IMAGE}. binutils resolves each symbol's address through {@code .debug_line}
 * (and {@code .debug_info} for data), which is what gdb would say too, without a gdb session.
 *
 * <p>Runs once per image. It is only worth it, and only run by {@link ImageLayout} in the automatic mode,
 * when the image has {@code .debug_line} and its {@code .debug_info} is at most
 * {@link #AUTO_DEBUG_INFO_LIMIT} bytes: on images with huge DWARF {@code nm -l} takes minutes.
 */
public final class SourceFiles {
    public static final long AUTO_DEBUG_INFO_LIMIT = 64L << 20;

    private final Map<String, String> fileBySymbol;

    private SourceFiles(Map<String, String> fileBySymbol) {
        this.fileBySymbol = fileBySymbol;
    }

    static SourceFiles none() {
        return new SourceFiles(Map.of());
    }

    /**
     * Runs {@code nm -l --defined-only} on {@code image}.
     *
     * @throws IOException when {@code nm} cannot be started or fails; the message says how to install binutils
     */
    public static SourceFiles read(Path image) throws IOException {
        Process nm;
        try {
            nm = new ProcessBuilder(List.of("nm", "-l", "--defined-only", image.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot run 'nm' to find source files (" + e.getMessage() + "); install binutils", e);
        }
        Map<String, String> files = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(nm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                parseLine(line, files);
            }
        }
        try {
            if (!nm.waitFor(60, TimeUnit.SECONDS)) {
                nm.destroyForcibly();
                throw new IOException("'nm -l " + image + "' took more than 60 s; source files are left out");
            }
        } catch (InterruptedException e) {
            nm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while 'nm -l' read " + image, e);
        }
        return new SourceFiles(files);
    }

    /** {@code 000000000010000c T _start\t/work/main/kernel/entry.S:45}: the part after the tab, minus the line. */
    static void parseLine(String line, Map<String, String> files) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return;
        }
        String[] head = line.substring(0, tab).split(" ", 3);
        if (head.length != 3) {
            return;
        }
        String location = line.substring(tab + 1);
        int colon = location.lastIndexOf(':');
        String file = colon > 0 ? location.substring(0, colon) : location;
        if (file.isEmpty() || file.equals("??")) {
            return;
        }
        try {
            long address = Long.parseUnsignedLong(head[0], 16);
            files.put(key(head[2], address), file);
        } catch (NumberFormatException e) {
            // not a symbol line (nm prints file headers for archives); nothing to record
        }
    }

    static String key(String name, long address) {
        return name + '@' + Long.toHexString(address);
    }

    public Optional<String> fileOf(String symbolName, long address) {
        return Optional.ofNullable(fileBySymbol.get(key(symbolName, address)));
    }

    public boolean isEmpty() {
        return fileBySymbol.isEmpty();
    }

    /** All the files named, for choosing the common source folder. */
    java.util.Collection<String> files() {
        return fileBySymbol.values();
    }
}
