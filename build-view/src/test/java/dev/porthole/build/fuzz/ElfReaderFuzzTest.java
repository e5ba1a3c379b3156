package dev.porthole.build.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.porthole.build.elf.ElfFormatException;
import dev.porthole.build.elf.ElfImage;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.layout.ImageLayout;
import dev.porthole.build.layout.LayoutDiff;
import dev.porthole.build.layout.LayoutSymbol;
import dev.porthole.build.layout.SizeNode;
import java.nio.file.Path;

/**
 * The ELF reading path under arbitrary bytes. In a plain {@code mvn test} this runs in regression mode over
 * the seeds in src/test/resources/dev/porthole/build/fuzz/ElfReaderFuzzTestInputs/elfImage/ (small real
 * ELF32 and ELF64 images, truncated and damaged copies, non-ELF files); with {@code JAZZER_FUZZ=1} it fuzzes.
 * Whatever the bytes, the reader either builds an image whose layout, size tree and diff can be computed,
 * or throws {@link ElfFormatException} with a message naming the input; nothing else may escape.
 */
class ElfReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void elfImage(byte[] data) {
        ElfImage elf;
        try {
            elf = ElfImage.parse(data, "fuzz-input");
        } catch (ElfFormatException expected) {
            if (!expected.getMessage().startsWith("fuzz-input")) {
                throw new AssertionError("the message must name the input: " + expected.getMessage());
            }
            return;
        }
        for (ElfSection section : elf.sections()) {
            section.flagLetters();
            section.typeName();
        }
        ImageLayout layout = ImageLayout.of(Path.of("fuzz-input"), elf, ImageLayout.Sources.NEVER);
        layout.totalAllocatedSize();
        for (LayoutSymbol symbol : layout.topSymbols(20)) {
            if (symbol.name() == null || symbol.section() == null) {
                throw new AssertionError("symbols always have a name and a section label: " + symbol);
            }
        }
        SizeNode root = layout.sizeTree();
        if (root.children().size() != layout.allocatedSections().size()) {
            throw new AssertionError("one tree node per allocated section");
        }
        LayoutDiff.compare(layout, layout).changedSymbols().forEach(delta -> {
            throw new AssertionError("an image compared with itself changes nothing: " + delta);
        });
    }
}
