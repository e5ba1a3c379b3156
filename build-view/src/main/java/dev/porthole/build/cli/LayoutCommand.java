package dev.porthole.build.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.porthole.build.elf.ElfFormatException;
import dev.porthole.build.elf.ElfImage;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.elf.ElfSegment;
import dev.porthole.build.layout.ImageLayout;
import dev.porthole.build.layout.LayoutDiff;
import dev.porthole.build.layout.LayoutSymbol;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code porthole layout IMAGE [--top N] [--json]} and {@code porthole layout IMAGE --diff OTHER [--json]}.
 *
 * <p>JSON ({@code --json}, one object on the last line): {@code image}, {@code sections} (allocated ones:
 * {@code name}, {@code address}, {@code size}, {@code flags} as readelf letters, {@code type}),
 * {@code segments}, {@code symbols_total} (defined functions and objects), {@code top_symbols}
 * ({@code name}, {@code size}, {@code file} or null, {@code address}, {@code type}, {@code section}),
 * {@code total_alloc_size} (sum of allocated sections), {@code source_files} (how files were found) and
 * {@code warnings}. With {@code --diff}: {@code old}, {@code new}, {@code total} ({@code old},
 * {@code new}, {@code delta}), {@code sections} and {@code symbols} (rows of {@code name},
 * {@code old_size}, {@code new_size}, {@code delta}; a missing size is null), {@code added},
 * {@code removed} (symbol names). Addresses are unsigned numbers.
 */
public final class LayoutCommand implements CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "layout";
    }

    @Override
    public String summary() {
        return "show an image's sections, sizes and largest symbols, or diff two images";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: porthole layout IMAGE [--top N] [--json]",
                "       porthole layout IMAGE --diff OTHER [--top N] [--json]",
                "",
                "Reads an ELF image: allocated sections with address, size and flags; segments; the N largest",
                "symbols (default 10) with their source files (DWARF through 'nm -l' when the image has it).",
                "--diff OTHER compares IMAGE (old) with OTHER (new): per section and per symbol, old size,",
                "new size and delta; added and removed symbols. --json prints one JSON object.",
                "For a stripped image, say the kernel's porthole.elf, give its debug twin (porthole.dbg) for symbols.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CliArgs parsed = CliArgs.parse(args, Set.of("top", "diff"), Set.of("json", "help"));
        if (parsed.flag("help")) {
            out.println(usage());
            return 0;
        }
        List<String> positionals = parsed.positionals(1, "one IMAGE");
        if (positionals.isEmpty()) {
            throw new UsageException("give the image to read, e.g. porthole layout kernel/build/porthole.dbg");
        }
        int top = parsed.intValue("top", 10, 0, 1_000_000);
        boolean json = parsed.flag("json");
        try {
            ImageLayout layout = ImageLayout.read(Path.of(positionals.get(0)));
            if (parsed.value("diff").isPresent()) {
                ImageLayout newer = ImageLayout.read(Path.of(parsed.value("diff").get()));
                LayoutDiff diff = LayoutDiff.compare(layout, newer);
                if (json) {
                    out.println(JSON.writeValueAsString(diffJson(layout, newer, diff)));
                } else {
                    printDiff(out, layout, newer, diff, top);
                }
            } else if (json) {
                out.println(JSON.writeValueAsString(layoutJson(layout, top)));
            } else {
                printLayout(out, layout, top);
            }
            for (String warning : layout.warnings()) {
                err.println("porthole layout: " + warning);
            }
            return 0;
        } catch (ElfFormatException | IOException e) {
            err.println("porthole layout: " + e.getMessage());
            return 1;
        }
    }

    static ObjectNode layoutJson(ImageLayout layout, int top) {
        ObjectNode root = JSON.createObjectNode();
        root.put("image", layout.image().toString());
        ArrayNode sections = root.putArray("sections");
        for (ElfSection section : layout.allocatedSections()) {
            ObjectNode node = sections.addObject();
            node.put("name", section.name());
            node.put("address", unsigned(section.address()));
            node.put("size", section.size());
            node.put("flags", section.flagLetters());
            node.put("type", section.typeName());
        }
        ArrayNode segments = root.putArray("segments");
        for (ElfSegment segment : layout.segments()) {
            ObjectNode node = segments.addObject();
            node.put("type", segment.typeName());
            node.put("virtual_address", unsigned(segment.virtualAddress()));
            node.put("physical_address", unsigned(segment.physicalAddress()));
            node.put("file_size", segment.fileSize());
            node.put("memory_size", segment.memorySize());
            node.put("permissions", segment.permissions());
        }
        root.put("symbols_total", layout.symbolCount());
        ArrayNode topSymbols = root.putArray("top_symbols");
        for (LayoutSymbol symbol : layout.topSymbols(top)) {
            ObjectNode node = topSymbols.addObject();
            node.put("name", symbol.name());
            node.put("size", symbol.size());
            node.put("file", symbol.file());
            node.put("address", unsigned(symbol.address()));
            node.put("type", symbol.type());
            node.put("section", symbol.section());
        }
        root.put("total_alloc_size", layout.totalAllocatedSize());
        root.put("source_files", layout.sourceOrigin());
        ArrayNode warnings = root.putArray("warnings");
        layout.warnings().forEach(warnings::add);
        return root;
    }

    static ObjectNode diffJson(ImageLayout older, ImageLayout newer, LayoutDiff diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("old", older.image().toString());
        root.put("new", newer.image().toString());
        ObjectNode total = root.putObject("total");
        total.put("old", diff.oldTotal());
        total.put("new", diff.newTotal());
        total.put("delta", diff.newTotal() - diff.oldTotal());
        ArrayNode sections = root.putArray("sections");
        diff.sections().forEach(row -> deltaJson(sections.addObject(), row));
        ArrayNode symbols = root.putArray("symbols");
        diff.changedSymbols().forEach(row -> deltaJson(symbols.addObject(), row));
        ArrayNode added = root.putArray("added");
        diff.addedSymbols().forEach(row -> added.add(row.name()));
        ArrayNode removed = root.putArray("removed");
        diff.removedSymbols().forEach(row -> removed.add(row.name()));
        return root;
    }

    private static void deltaJson(ObjectNode node, LayoutDiff.Delta row) {
        node.put("name", row.name());
        if (row.added()) {
            node.putNull("old_size");
        } else {
            node.put("old_size", row.oldSize());
        }
        if (row.removed()) {
            node.putNull("new_size");
        } else {
            node.put("new_size", row.newSize());
        }
        node.put("delta", row.delta());
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    private static void printLayout(PrintStream out, ImageLayout layout, int top) {
        ElfImage elf = layout.elf();
        out.printf("%s: ELF%s %s, entry 0x%x, %d bytes%n", layout.image(), elf.is64Bit() ? "64" : "32",
                elf.machine() == ElfImage.EM_X86_64 ? "x86-64" : elf.machine() == ElfImage.EM_386 ? "i386" : "machine " + elf.machine(),
                elf.entry(), elf.fileSize());
        out.println();
        out.printf("%-18s %10s  %-5s %s%n", "address", "size", "flags", "section");
        for (ElfSection section : layout.allocatedSections()) {
            out.printf("0x%016x %10d  %-5s %s%n", section.address(), section.size(), section.flagLetters(), section.name());
        }
        out.printf("%-18s %10d  total allocated (%s)%n", "", layout.totalAllocatedSize(), humanSize(layout.totalAllocatedSize()));
        if (!layout.segments().isEmpty()) {
            out.println();
            out.printf("%-14s %-18s %-18s %10s %10s %s%n", "segment", "virtual", "physical", "file size", "mem size", "perm");
            for (ElfSegment segment : layout.segments()) {
                out.printf("%-14s 0x%016x 0x%016x %10d %10d %s%n", segment.typeName(), segment.virtualAddress(),
                        segment.physicalAddress(), segment.fileSize(), segment.memorySize(), segment.permissions());
            }
        }
        if (top > 0 && layout.symbolCount() > 0) {
            out.println();
            out.printf("%10s  %-40s %s%n", "size", "symbol", "file");
            for (LayoutSymbol symbol : layout.topSymbols(top)) {
                out.printf("%10d  %-40s %s%n", symbol.size(), symbol.name(), symbol.file() == null ? "" : symbol.file());
            }
        }
        out.println();
        out.printf("%d symbols; source files: %s%n", layout.symbolCount(), layout.sourceOrigin());
    }

    private static void printDiff(PrintStream out, ImageLayout older, ImageLayout newer, LayoutDiff diff, int top) {
        out.printf("old: %s%nnew: %s%n%n", older.image(), newer.image());
        out.printf("%-24s %10s %10s %10s%n", "section", "old", "new", "delta");
        for (LayoutDiff.Delta row : diff.sections()) {
            out.printf("%-24s %10s %10s %+10d%n", row.name(), row.added() ? "-" : row.oldSize(), row.removed() ? "-" : row.newSize(),
                    row.delta());
        }
        out.printf("%-24s %10d %10d %+10d%n", "total allocated", diff.oldTotal(), diff.newTotal(), diff.newTotal() - diff.oldTotal());
        out.println();
        List<LayoutDiff.Delta> symbols = diff.changedSymbols();
        if (symbols.isEmpty()) {
            out.println("no symbol changed size");
            return;
        }
        out.printf("%-40s %10s %10s %10s%n", "symbol", "old", "new", "delta");
        int shown = 0;
        for (LayoutDiff.Delta row : symbols) {
            if (top > 0 && shown++ >= top) {
                out.printf("... and %d more changed symbols (--top N shows more)%n", symbols.size() - top);
                break;
            }
            out.printf("%-40s %10s %10s %+10d%s%n", row.name(), row.added() ? "-" : row.oldSize(), row.removed() ? "-" : row.newSize(),
                    row.delta(), row.added() ? "  added" : row.removed() ? "  removed" : "");
        }
        out.printf("%d added, %d removed%n", diff.addedSymbols().size(), diff.removedSymbols().size());
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
