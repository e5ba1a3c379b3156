package dev.porthole.build.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.elf.ElfSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The treemap and address-bar geometry, without a screen. */
class GeometryTest {
    @Test
    void squarifiedCellsTileTheRectangleWithAreasBySize() {
        long[] sizes = {6, 6, 4, 3, 2, 2, 1};
        List<Squarify.Cell> cells = Squarify.layout(sizes, 10, 20, 600, 400);
        assertEquals(sizes.length, cells.size());
        double total = 24;
        double area = 0;
        for (Squarify.Cell cell : cells) {
            double expected = sizes[cell.index()] / total * 600 * 400;
            assertEquals(expected, cell.width() * cell.height(), 1e-6, "area of " + cell);
            assertTrue(cell.x() >= 10 - 1e-9 && cell.y() >= 20 - 1e-9 && cell.x() + cell.width() <= 610 + 1e-6
                    && cell.y() + cell.height() <= 420 + 1e-6, "inside: " + cell);
            double ratio = Math.max(cell.width() / cell.height(), cell.height() / cell.width());
            assertTrue(ratio < 3.5, "squarish: " + cell);
            area += cell.width() * cell.height();
        }
        assertEquals(600 * 400, area, 1e-6);
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                Squarify.Cell a = cells.get(i);
                Squarify.Cell b = cells.get(j);
                double overlapW = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                double overlapH = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
                assertTrue(overlapW <= 1e-6 || overlapH <= 1e-6, "no overlap: " + a + " " + b);
            }
        }
        assertEquals(List.of(), Squarify.layout(new long[] {0, 0}, 0, 0, 10, 10));
        assertEquals(1, Squarify.layout(new long[] {5, 0}, 0, 0, 10, 10).size(), "zero sizes get no cell");
    }

    @Test
    void addressBarKeepsAddressOrderScalesBySizeAndCompressesHoles() {
        ElfSection text = section(1, ".text", 0x100000, 0x2000, ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR);
        ElfSection rodata = section(2, ".rodata", 0x102000, 0x100, ElfSection.SHF_ALLOC);
        ElfSection far = section(3, ".data", 0xffff_ffff_8000_0000L, 0x6000, ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE);
        AddressScale scale = AddressScale.place(List.of(text, rodata, far), 1000);
        List<AddressScale.Placement> placed = scale.placements();
        assertEquals(List.of(text, rodata, far), placed.stream().map(AddressScale.Placement::section).toList());
        assertTrue(placed.get(0).x() < placed.get(1).x() && placed.get(1).x() < placed.get(2).x());
        assertEquals(1, scale.gaps().size(), "only between .rodata and the far .data");
        assertEquals(0x102100, scale.gaps().get(0).start());
        assertTrue(placed.get(1).width() >= AddressScale.MIN_SECTION_WIDTH);
        assertTrue(placed.get(2).width() > placed.get(0).width(), ".data is bigger than .text");
        AddressScale.Placement last = placed.get(2);
        assertEquals(1000, last.x() + last.width(), 1e-6, "fills the bar");
        assertEquals(far, scale.sectionAt(last.x() + 1));
        assertNull(scale.sectionAt(scale.gaps().get(0).x() + 1));
    }

    static ElfSection section(int index, String name, long address, long size, long flags) {
        return new ElfSection(index, name, ElfSection.SHT_PROGBITS, flags, address, 0x1000, size, 0, 0, 0, 16);
    }
}
