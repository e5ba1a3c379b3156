package dev.porthole.build.layout;

import dev.porthole.build.elf.ElfSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size difference between two builds of an image: per section and per symbol, the old size, the new
 * size and the delta, with symbols that were added or removed.
 *
 * <p>Symbols are matched by name. Local symbols can share a name across files ({@code static} helpers,
 * {@code digits.0}); when a name occurs more than once in an image, it is matched by name and source file
 * instead (file from DWARF or {@code STT_FILE}), and shown as {@code name (file)}.
 */
public final class LayoutDiff {
    /** One row; {@code oldSize} is -1 for an added entry and {@code newSize} -1 for a removed one. */
    public record Delta(String name, long oldSize, long newSize) {
        public long delta() {
            return Math.max(newSize, 0) - Math.max(oldSize, 0);
        }

        public boolean added() {
            return oldSize < 0;
        }

        public boolean removed() {
            return newSize < 0;
        }
    }

    private final List<Delta> sections;
    private final List<Delta> symbols;
    private final long oldTotal;
    private final long newTotal;

    private LayoutDiff(List<Delta> sections, List<Delta> symbols, long oldTotal, long newTotal) {
        this.sections = sections;
        this.symbols = symbols;
        this.oldTotal = oldTotal;
        this.newTotal = newTotal;
    }

    public static LayoutDiff compare(ImageLayout older, ImageLayout newer) {
        Map<String, Long> oldSections = sectionSizes(older);
        Map<String, Long> newSections = sectionSizes(newer);
        List<Delta> sectionRows = merge(oldSections, newSections, false);
        List<Delta> symbolRows = merge(symbolSizes(older), symbolSizes(newer), true);
        return new LayoutDiff(sectionRows, symbolRows, older.totalAllocatedSize(), newer.totalAllocatedSize());
    }

    /** Every allocated section of either image, in the newer image's order, then the removed ones. */
    public List<Delta> sections() {
        return sections;
    }

    /** Symbols whose size changed, were added or removed; largest change (either way) first. */
    public List<Delta> changedSymbols() {
        return symbols;
    }

    public List<Delta> addedSymbols() {
        return symbols.stream().filter(Delta::added).toList();
    }

    public List<Delta> removedSymbols() {
        return symbols.stream().filter(Delta::removed).toList();
    }

    public long oldTotal() {
        return oldTotal;
    }

    public long newTotal() {
        return newTotal;
    }

    private static Map<String, Long> sectionSizes(ImageLayout layout) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ElfSection section : layout.sections()) {
            if (section.isAlloc()) {
                sizes.merge(section.name(), section.size(), Long::sum);
            }
        }
        return sizes;
    }

    private static Map<String, Long> symbolSizes(ImageLayout layout) {
        Map<String, Integer> nameCounts = new HashMap<>();
        List<LayoutSymbol> all = layout.symbols();
        for (LayoutSymbol symbol : all) {
            nameCounts.merge(symbol.name(), 1, Integer::sum);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (LayoutSymbol symbol : all) {
            String key = nameCounts.get(symbol.name()) > 1 && symbol.file() != null
                    ? symbol.name() + " (" + ImageLayout.baseName(symbol.file()) + ")" : symbol.name();
            sizes.merge(key, symbol.size(), Math::max);
        }
        return sizes;
    }

    private static List<Delta> merge(Map<String, Long> older, Map<String, Long> newer, boolean changedOnly) {
        List<Delta> rows = new ArrayList<>();
        for (Map.Entry<String, Long> entry : newer.entrySet()) {
            Long before = older.get(entry.getKey());
            long oldSize = before == null ? -1 : before;
            if (!changedOnly || oldSize != entry.getValue()) {
                rows.add(new Delta(entry.getKey(), oldSize, entry.getValue()));
            }
        }
        for (Map.Entry<String, Long> entry : older.entrySet()) {
            if (!newer.containsKey(entry.getKey())) {
                rows.add(new Delta(entry.getKey(), entry.getValue(), -1));
            }
        }
        if (changedOnly) {
            rows.sort((a, b) -> Long.compare(Math.abs(b.delta()), Math.abs(a.delta())) != 0
                    ? Long.compare(Math.abs(b.delta()), Math.abs(a.delta())) : a.name().compareTo(b.name()));
        }
        return Collections.unmodifiableList(rows);
    }
}
