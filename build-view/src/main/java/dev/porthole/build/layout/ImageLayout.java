package dev.porthole.build.layout;

import dev.porthole.build.elf.ElfFormatException;
import dev.porthole.build.elf.ElfImage;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.elf.ElfSegment;
import dev.porthole.build.elf.SymbolTable;
import dev.porthole.launcher.DebugTwin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * What occupies an image, at which address, from which source file: sections, segments, symbols, and the
 * size hierarchy section -> source directory -> file -> symbol.
 *
 * <p>Sections, segments and symbols come from {@link ElfImage}. Source files come from DWARF line
 * information through binutils ({@code nm -l}, see {@link SourceFiles}) when the image carries
 * {@code .debug_line}; otherwise a local symbol gets the bare file name of the {@code STT_FILE} symbol
 * before it, and a global symbol none. Files are looked up only when asked for (the hierarchy, the diff,
 * {@link #symbol(int)}): a large image without DWARF, such as {@code libjvm.so}, never pays for them.
 */
public final class ImageLayout {
    /** Whether to run {@code nm -l} for source files. */
    public enum Sources {
        /** When the image has {@code .debug_line} and at most {@link SourceFiles#AUTO_DEBUG_INFO_LIMIT} of {@code .debug_info}. */
        AUTO,
        ALWAYS,
        /** Only the symbol table's own file names. */
        NEVER
    }

    private final Path image;
    private final ElfImage elf;
    private final int[] placed;
    private final List<String> warnings;
    private final Path debugTwin;
    private final Sources sourcesMode;
    private SourceFiles sourceFiles;
    private String[] files;
    private boolean[] filesFromSymbolTable;
    private SourceDirectories directories;
    private SizeNode sizeTree;

    private ImageLayout(Path image, ElfImage elf, int[] placed, List<String> warnings, Path debugTwin, Sources sourcesMode) {
        this.image = image;
        this.elf = elf;
        this.placed = placed;
        this.warnings = warnings;
        this.debugTwin = debugTwin;
        this.sourcesMode = sourcesMode;
    }

    public static ImageLayout read(Path image) throws IOException, ElfFormatException {
        return read(image, Sources.AUTO);
    }

    public static ImageLayout read(Path image, Sources sources) throws IOException, ElfFormatException {
        ElfImage elf = ElfImage.read(image);
        return of(image, elf, sources);
    }

    /** A layout over an already read image; {@code image} is where binutils finds it for source files. */
    public static ImageLayout of(Path image, ElfImage elf, Sources sources) {
        SymbolTable symbols = elf.symbols();
        int[] placed = new int[symbols.count()];
        int n = 0;
        for (int i = 1; i < symbols.count(); i++) {
            if (symbols.isCodeOrData(i)) {
                placed[n++] = i;
            }
        }
        List<String> warnings = new ArrayList<>();
        Path twin = null;
        if (elf.isStripped()) {
            twin = findDebugTwin(image, elf).orElse(null);
            String where = twin != null ? "; its debug twin with full symbols is " + twin
                    : elf.debugLink().map(link -> "; its debug twin would be named " + link + " (not found beside it)")
                    .orElse("; look for the unstripped twin (Unikraft: the .dbg file beside the image)");
            warnings.add(image + " is stripped: it has no .symtab, "
                    + (symbols.count() > 0 ? "so only its " + (n) + " dynamic symbols are shown" : "so only sections are shown") + where);
        }
        return new ImageLayout(image, elf, java.util.Arrays.copyOf(placed, n), Collections.unmodifiableList(warnings), twin, sources);
    }

    /**
     * Where the unstripped twin of a stripped image is: its {@link DebugTwin} beside it, else the file its
     * {@code .gnu_debuglink} names, beside it, in {@code .debug/} beside it, or under {@code /usr/lib/debug}
     * (where distributions install them).
     */
    public static Optional<Path> findDebugTwin(Path image, ElfImage elf) {
        return DebugTwin.beside(image).or(() -> elf.debugLink().flatMap(link -> debugLinkTarget(image, link)));
    }

    private static Optional<Path> debugLinkTarget(Path image, String link) {
        Path dir = image.toAbsolutePath().getParent();
        return Stream.of(dir.resolve(link), dir.resolve(".debug").resolve(link),
                        Path.of("/usr/lib/debug").resolve(dir.toString().substring(1)).resolve(link))
                .filter(candidate -> !candidate.equals(image.toAbsolutePath()) && Files.isRegularFile(candidate))
                .findFirst();
    }

    public Path image() {
        return image;
    }

    public ElfImage elf() {
        return elf;
    }

    public List<ElfSection> sections() {
        return elf.sections();
    }

    /** Sections that occupy memory at run time, by address. */
    public List<ElfSection> allocatedSections() {
        List<ElfSection> alloc = new ArrayList<>();
        for (ElfSection section : elf.sections()) {
            if (section.isAlloc() && section.size() > 0) {
                alloc.add(section);
            }
        }
        alloc.sort((a, b) -> Long.compareUnsigned(a.address(), b.address()));
        return alloc;
    }

    public List<ElfSegment> segments() {
        return elf.segments();
    }

    /** The sum of the sizes of the allocated ({@code SHF_ALLOC}) sections: what the image needs in memory. */
    public long totalAllocatedSize() {
        long total = 0;
        for (ElfSection section : elf.sections()) {
            if (section.isAlloc()) {
                total += section.size();
            }
        }
        return total;
    }

    /** Notes for the user: a stripped image and where its twin is. */
    public List<String> warnings() {
        return warnings;
    }

    public Optional<Path> debugTwin() {
        return Optional.ofNullable(debugTwin);
    }

    /** Defined functions and objects (the symbol table's code and data, sized or not). */
    public int symbolCount() {
        return placed.length;
    }

    /** The {@code k}-th defined function or object, in symbol-table order, with its source file. */
    public LayoutSymbol symbol(int k) {
        int i = placed[k];
        SymbolTable symbols = elf.symbols();
        ensureFiles();
        String file = files[k];
        return new LayoutSymbol(symbols.name(i), symbols.value(i), symbols.size(i), SymbolTable.typeName(symbols.type(i)),
                SymbolTable.bindingName(symbols.binding(i)), sectionName(symbols.sectionIndex(i)), file,
                directories.directoryOf(file, filesFromSymbolTable[k]));
    }

    /** All defined functions and objects as records (for the symbol table view; costs one object each). */
    public List<LayoutSymbol> symbols() {
        List<LayoutSymbol> all = new ArrayList<>(placed.length);
        for (int k = 0; k < placed.length; k++) {
            all.add(symbol(k));
        }
        return all;
    }

    /** The {@code n} largest symbols, largest first; ties in symbol-table order. */
    public List<LayoutSymbol> topSymbols(int n) {
        if (n <= 0) {
            return List.of();
        }
        SymbolTable symbols = elf.symbols();
        PriorityQueue<Integer> smallestOnTop = new PriorityQueue<>(n + 1, (a, b) -> {
            int bySize = Long.compareUnsigned(symbols.size(placed[a]), symbols.size(placed[b]));
            return bySize != 0 ? bySize : Integer.compare(b, a);
        });
        for (int k = 0; k < placed.length; k++) {
            if (smallestOnTop.size() < n) {
                smallestOnTop.add(k);
            } else if (Long.compareUnsigned(symbols.size(placed[k]), symbols.size(placed[smallestOnTop.peek()])) > 0) {
                smallestOnTop.poll();
                smallestOnTop.add(k);
            }
        }
        List<LayoutSymbol> top = new ArrayList<>(smallestOnTop.size());
        while (!smallestOnTop.isEmpty()) {
            top.add(symbol(smallestOnTop.poll()));
        }
        Collections.reverse(top);
        return top;
    }

    /** How source files were found: for the Javadoc-level honesty the views and JSON repeat. */
    public String sourceOrigin() {
        ensureFiles();
        if (!sourceFiles.isEmpty()) {
            return "DWARF line info via binutils nm -l";
        }
        return "STT_FILE symbols (file names of local symbols only)";
    }

    /** The folder all source files share (from DWARF), or "" when unknown. */
    public String sourceRoot() {
        ensureFiles();
        return directories.commonRoot();
    }

    /** The size hierarchy, built on first use. */
    public synchronized SizeNode sizeTree() {
        if (sizeTree == null) {
            sizeTree = buildSizeTree();
        }
        return sizeTree;
    }

    private String sectionName(int index) {
        if (index == SymbolTable.SHN_ABS) {
            return "*ABS*";
        }
        List<ElfSection> sections = elf.sections();
        return index > 0 && index < sections.size() ? sections.get(index).name() : "*UND*";
    }

    private synchronized void ensureFiles() {
        if (files != null) {
            return;
        }
        SymbolTable symbols = elf.symbols();
        SourceFiles dwarf = SourceFiles.none();
        boolean useNm = sourcesMode == Sources.ALWAYS
                || sourcesMode == Sources.AUTO && elf.hasLineInfo()
                && elf.section(".debug_info").map(s -> s.size() <= SourceFiles.AUTO_DEBUG_INFO_LIMIT).orElse(true);
        if (useNm && elf.hasLineInfo()) {
            try {
                dwarf = SourceFiles.read(image);
            } catch (IOException e) {
                dwarf = SourceFiles.none();
            }
        }
        String[] resolved = new String[placed.length];
        boolean[] fromSymbolTable = new boolean[placed.length];
        Map<Integer, String> fileSymbolNames = new HashMap<>();
        for (int k = 0; k < placed.length; k++) {
            int i = placed[k];
            String file = null;
            if (!dwarf.isEmpty()) {
                file = dwarf.fileOf(symbols.name(i), symbols.value(i)).orElse(null);
            }
            if (file == null && symbols.fileSymbol(i) >= 0) {
                file = fileSymbolNames.computeIfAbsent(symbols.fileSymbol(i), symbols::name);
                fromSymbolTable[k] = true;
            }
            resolved[k] = file;
        }
        sourceFiles = dwarf;
        directories = SourceDirectories.of(dwarf.files());
        filesFromSymbolTable = fromSymbolTable;
        files = resolved;
    }

    private SizeNode buildSizeTree() {
        ensureFiles();
        SymbolTable symbols = elf.symbols();
        SizeNode root = new SizeNode(image.getFileName().toString(), SizeNode.Kind.IMAGE, null, null);
        List<ElfSection> sections = elf.sections();
        int[] sized = new int[sections.size()];
        int[] unsized = new int[sections.size()];
        for (int k = 0; k < placed.length; k++) {
            int section = symbols.sectionIndex(placed[k]);
            if (section < sized.length) {
                if (symbols.size(placed[k]) > 0) {
                    sized[section]++;
                } else {
                    unsized[section]++;
                }
            }
        }
        for (ElfSection section : allocatedSections()) {
            SectionTree tree = new SectionTree(new SizeNode(section.name(), SizeNode.Kind.SECTION, root, null));
            int[] members = membersByAddress(section, sized[section.index()], true);
            long attributed = 0;
            long lastAddress = -1;
            long lastSize = -1;
            List<long[]> gaps = new ArrayList<>();
            long coveredUntil = section.address();
            for (int k : members) {
                int i = placed[k];
                long address = symbols.value(i);
                long size = symbols.size(i);
                if (address == lastAddress && size == lastSize) {
                    continue; // an alias (weak alias, C++ constructor variants): the bytes are counted once
                }
                lastAddress = address;
                lastSize = size;
                if (Long.compareUnsigned(address, coveredUntil) > 0) {
                    gaps.add(new long[] {coveredUntil, address});
                }
                if (Long.compareUnsigned(address + size, coveredUntil) > 0) {
                    coveredUntil = address + size;
                }
                tree.add(k, size);
                attributed += size;
            }
            if (Long.compareUnsigned(coveredUntil, section.endAddress()) < 0) {
                gaps.add(new long[] {coveredUntil, section.endAddress()});
            }
            attributed += attributeGapsToLabels(section, membersByAddress(section, unsized[section.index()], false), gaps, tree);
            long rest = section.size() - attributed;
            if (rest > 0) {
                SizeNode unattributed = new SizeNode("(no symbol)", SizeNode.Kind.UNATTRIBUTED, tree.sectionNode, null);
                unattributed.setSize(rest);
            }
            tree.sectionNode.setSize(Math.max(section.size(), attributed));
            root.addSize(tree.sectionNode.size());
        }
        root.sortBySize();
        return root;
    }

    /**
     * Symbols without a size (assembly labels with no {@code .size}: boot stacks, early page tables) get the
     * bytes from their address to the next symbol or the end of the uncovered stretch they sit in, so
     * the treemap names them instead of lumping them into "(no symbol)". Returns the bytes so attributed.
     */
    private long attributeGapsToLabels(ElfSection section, int[] labels, List<long[]> gaps, SectionTree tree) {
        SymbolTable symbols = elf.symbols();
        long attributed = 0;
        int next = 0;
        for (long[] gap : gaps) {
            while (next < labels.length && Long.compareUnsigned(symbols.value(placed[labels[next]]), gap[0]) < 0) {
                next++;
            }
            int first = next;
            while (next < labels.length && Long.compareUnsigned(symbols.value(placed[labels[next]]), gap[1]) < 0) {
                next++;
            }
            for (int j = first; j < next; j++) {
                long start = symbols.value(placed[labels[j]]);
                long end = gap[1];
                for (int later = j + 1; later < next; later++) {
                    long candidate = symbols.value(placed[labels[later]]);
                    if (candidate != start) {
                        end = candidate;
                        break;
                    }
                }
                if (j > first && symbols.value(placed[labels[j - 1]]) == start) {
                    continue; // two labels at one address: the first takes the bytes
                }
                long extent = end - start;
                if (extent > 0) {
                    tree.add(labels[j], extent);
                    attributed += extent;
                }
            }
        }
        return attributed;
    }

    /** Builds one section's directory -> file -> symbol levels. */
    private final class SectionTree {
        final SizeNode sectionNode;
        final Map<String, SizeNode> directoryNodes = new HashMap<>();
        final Map<String, SizeNode> fileNodes = new HashMap<>();
        final Map<String, SizeNode> fileNameOnlyNodes = new HashMap<>();
        SizeNode unknownFile;

        SectionTree(SizeNode sectionNode) {
            this.sectionNode = sectionNode;
        }

        void add(int k, long size) {
            String file = files[k];
            SizeNode fileNode;
            if (file == null) {
                if (unknownFile == null) {
                    SizeNode directoryNode = directoryNodes.computeIfAbsent(SourceDirectories.NO_LINE_INFO,
                            d -> new SizeNode(d, SizeNode.Kind.DIRECTORY, sectionNode, null));
                    unknownFile = new SizeNode("(unknown file)", SizeNode.Kind.FILE, directoryNode, null);
                }
                fileNode = unknownFile;
            } else {
                boolean nameOnly = filesFromSymbolTable[k];
                fileNode = (nameOnly ? fileNameOnlyNodes : fileNodes).computeIfAbsent(file, f -> {
                    String directory = directories.directoryOf(f, nameOnly);
                    SizeNode directoryNode = directoryNodes.computeIfAbsent(directory,
                            d -> new SizeNode(d, SizeNode.Kind.DIRECTORY, sectionNode, null));
                    return new SizeNode(baseName(f), SizeNode.Kind.FILE, directoryNode, f);
                });
            }
            SizeNode symbolNode = new SizeNode(elf.symbols(), placed[k], fileNode, file);
            symbolNode.setSize(size);
            fileNode.addSize(size);
            fileNode.parent().addSize(size);
        }
    }

    /**
     * The sized (or the unsized) symbols of a section (indexes into {@code placed}) by address. Sorted as primitive longs,
     * {@code offset << 23 | k}, since {@code k < MAX_SYMBOLS = 2^23}; symbols outside the section (a
     * corrupt table) go last by index.
     */
    private int[] membersByAddress(ElfSection section, int count, boolean sized) {
        SymbolTable symbols = elf.symbols();
        long[] keys = new long[count];
        int n = 0;
        for (int k = 0; k < placed.length && n < count; k++) {
            int i = placed[k];
            if (symbols.sectionIndex(i) == section.index() && (symbols.size(i) > 0) == sized) {
                long offset = symbols.value(i) - section.address();
                long last = (1L << 40) - 1; // keeps offset << 23 below 2^63: positive, so the sort is by offset
                boolean inside = Long.compareUnsigned(offset, section.size()) < 0 && offset < last;
                keys[n++] = (inside ? offset : last) << 23 | k;
            }
        }
        java.util.Arrays.sort(keys, 0, n);
        int[] members = new int[n];
        for (int j = 0; j < n; j++) {
            members[j] = (int) (keys[j] & ((1 << 23) - 1));
        }
        return members;
    }

    static String baseName(String file) {
        int slash = file.lastIndexOf('/');
        return slash >= 0 ? file.substring(slash + 1) : file;
    }
}
