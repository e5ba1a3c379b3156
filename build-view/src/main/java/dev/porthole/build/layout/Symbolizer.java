package dev.porthole.build.layout;

import dev.porthole.build.elf.ElfFormatException;
import dev.porthole.build.elf.ElfImage;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.elf.SymbolTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns guest addresses into names: {@code function+0xoffset} from the image's symbol table (read in
 * process) and {@code file:line} from its DWARF line table through binutils' {@code addr2line} (one
 * process per {@link #describe(List)} call, so a whole backtrace costs one process).
 *
 * <p>File names are printed relative to the project the image belongs to: the git work tree above the
 * debug image, else the nearest folder above it holding {@code porthole.json} or a Unikraft
 * {@code Kraftfile}; otherwise as the image states them. For the sample kernel that reads {@code kernel/app_fault.c:23}.
 */
public final class Symbolizer {
    /** A function (or object) and the offset of the address inside it. */
    public record Location(String symbol, long offset) {
    }

    private final Path image;
    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final List<ElfSection> sections;
    private final Path projectRoot;
    private final boolean hasLineInfo;

    private Symbolizer(Path image, long[] starts, long[] sizes, String[] names, List<ElfSection> sections, Path projectRoot,
                       boolean hasLineInfo) {
        this.image = image;
        this.starts = starts;
        this.sizes = sizes;
        this.names = names;
        this.sections = sections;
        this.projectRoot = projectRoot;
        this.hasLineInfo = hasLineInfo;
    }

    /**
     * A symbolizer over the debug ELF (for the sample kernel {@code kernel/build/porthole.dbg}).
     *
     * @throws ElfFormatException when the file is not a readable ELF; the message says why
     */
    public static Symbolizer forImage(Path debugElf) throws IOException, ElfFormatException {
        ElfImage elf = ElfImage.read(debugElf);
        SymbolTable symbols = elf.symbols();
        Integer[] order = new Integer[symbols.count()];
        int n = 0;
        for (int i = 1; i < symbols.count(); i++) {
            int type = symbols.type(i);
            if (symbols.isCodeOrData(i) && (type == SymbolTable.STT_FUNC || type == SymbolTable.STT_OBJECT || type == SymbolTable.STT_NOTYPE)) {
                order[n++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(order, n);
        // Same address: sized before unsized, global before local, so "kmain" wins over a local label there.
        Arrays.sort(sorted, (a, b) -> {
            int byAddress = Long.compareUnsigned(symbols.value(a), symbols.value(b));
            if (byAddress != 0) {
                return byAddress;
            }
            int bySized = Boolean.compare(symbols.size(b) > 0, symbols.size(a) > 0);
            return bySized != 0 ? bySized : Integer.compare(symbols.binding(a) == SymbolTable.STB_LOCAL ? 1 : 0,
                    symbols.binding(b) == SymbolTable.STB_LOCAL ? 1 : 0);
        });
        long[] starts = new long[n];
        long[] sizes = new long[n];
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
            starts[k] = symbols.value(sorted[k]);
            sizes[k] = symbols.size(sorted[k]);
            names[k] = symbols.name(sorted[k]);
        }
        return new Symbolizer(debugElf, starts, sizes, names, elf.sections(), projectRoot(debugElf), elf.hasLineInfo());
    }

    private static Path projectRoot(Path image) {
        Path dir = image.toAbsolutePath().getParent();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(".git"))) {
                return at;
            }
        }
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("porthole.json")) || Files.isRegularFile(at.resolve("Kraftfile"))) {
                return at;
            }
        }
        return null;
    }

    /** The symbol containing the address; or the nearest symbol below it in the same section (assembly labels have no size). */
    public Optional<Location> locate(long address) {
        int k = lastAtOrBelow(address);
        if (k < 0) {
            return Optional.empty();
        }
        // Sized symbols that contain the address win; look back past unsized labels and nested symbols.
        for (int j = k; j >= 0 && j > k - 64; j--) {
            if (sizes[j] > 0 && Long.compareUnsigned(address - starts[j], sizes[j]) < 0) {
                return Optional.of(new Location(names[j], address - starts[j]));
            }
        }
        for (int j = k; j >= 0 && j > k - 64; j--) {
            if (sizes[j] == 0 && sameSection(starts[j], address)) {
                return Optional.of(new Location(names[j], address - starts[j]));
            }
        }
        return Optional.empty();
    }

    private int lastAtOrBelow(long address) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private boolean sameSection(long symbolAddress, long address) {
        for (ElfSection section : sections) {
            if (section.isAlloc() && Long.compareUnsigned(symbolAddress - section.address(), section.size()) < 0) {
                return Long.compareUnsigned(address - section.address(), section.size()) < 0;
            }
        }
        return false;
    }

    /** {@code fault_touch_bad_pointer+0x12 (kernel/app_fault.c:23)}; or {@code 0xdead0000} when nothing is there. */
    public String describe(long address) {
        return describe(List.of(address)).get(0);
    }

    /** {@link #describe(long)} for many addresses (a backtrace), with one {@code addr2line} run. */
    public List<String> describe(List<Long> addresses) {
        List<String> lines = sourceLines(addresses);
        List<String> described = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            long address = addresses.get(i);
            Optional<Location> location = locate(address);
            String line = lines.get(i);
            if (location.isEmpty()) {
                described.add("0x" + Long.toHexString(address) + (line != null ? " (" + line + ")" : ""));
            } else {
                described.add(location.get().symbol() + "+0x" + Long.toHexString(location.get().offset())
                        + (line != null ? " (" + line + ")" : ""));
            }
        }
        return described;
    }

    /**
     * {@code file:line} for each address, or null where the line table says nothing (or addr2line is
     * missing: names still work).
     */
    public List<String> sourceLines(List<Long> addresses) {
        List<String> result = new ArrayList<>(Arrays.asList(new String[addresses.size()]));
        if (!hasLineInfo || addresses.isEmpty()) {
            return result;
        }
        List<String> command = new ArrayList<>(List.of("addr2line", "-e", image.toString()));
        for (long address : addresses) {
            command.add("0x" + Long.toHexString(address));
        }
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < addresses.size(); i++) {
                    String line = reader.readLine();
                    if (line == null) {
                        break;
                    }
                    result.set(i, cleanLine(line));
                }
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** {@code /work/main/kernel/app_fault.c:23 (discriminator 1)} -> {@code kernel/app_fault.c:23}; {@code ??:0} -> null. */
    private String cleanLine(String line) {
        String text = line.trim();
        int discriminator = text.indexOf(" (discriminator");
        if (discriminator >= 0) {
            text = text.substring(0, discriminator);
        }
        if (text.startsWith("??")) {
            return null;
        }
        int colon = text.lastIndexOf(':');
        String file = colon > 0 ? text.substring(0, colon) : text;
        String lineNumber = colon > 0 ? text.substring(colon) : "";
        if (lineNumber.equals(":?") || lineNumber.equals(":0")) {
            lineNumber = "";
        }
        if (projectRoot != null && file.startsWith(projectRoot + "/")) {
            file = file.substring(projectRoot.toString().length() + 1);
        }
        return file + lineNumber;
    }
}
