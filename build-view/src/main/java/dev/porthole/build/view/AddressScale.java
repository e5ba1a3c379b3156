package dev.porthole.build.view;

import dev.porthole.build.elf.ElfSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Places allocated sections on a horizontal bar in address order. A linear address scale would make a
 * 44 KiB {@code .bss} and an 80-byte {@code .data} either invisible or the gaps between distant sections
 * (a higher-half kernel, a PIE with a hole) fill the bar; so sections get widths proportional to their
 * sizes, at least {@link #MIN_SECTION_WIDTH}, and the holes between non-adjacent sections become fixed
 * {@link #GAP_WIDTH} markers that say how many bytes they skip.
 */
public final class AddressScale {
    public static final double MIN_SECTION_WIDTH = 3;
    public static final double GAP_WIDTH = 10;

    /** A section on the bar. */
    public record Placement(ElfSection section, double x, double width) {
    }

    /** A compressed hole between two sections. */
    public record Gap(long start, long end, double x, double width) {
    }

    private final List<Placement> placements;
    private final List<Gap> gaps;

    private AddressScale(List<Placement> placements, List<Gap> gaps) {
        this.placements = placements;
        this.gaps = gaps;
    }

    /** @param sections allocated sections, by address (as {@code ImageLayout.allocatedSections()} gives them) */
    public static AddressScale place(List<ElfSection> sections, double width) {
        List<Placement> placements = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        if (sections.isEmpty() || width <= 0) {
            return new AddressScale(placements, gaps);
        }
        int holes = 0;
        long total = 0;
        for (int i = 0; i < sections.size(); i++) {
            total += sections.get(i).size();
            if (i > 0 && Long.compareUnsigned(sections.get(i - 1).endAddress(), sections.get(i).address()) < 0) {
                holes++;
            }
        }
        double forSections = Math.max(0, width - holes * GAP_WIDTH - sections.size() * MIN_SECTION_WIDTH);
        double x = 0;
        for (int i = 0; i < sections.size(); i++) {
            ElfSection section = sections.get(i);
            if (i > 0) {
                ElfSection previous = sections.get(i - 1);
                if (Long.compareUnsigned(previous.endAddress(), section.address()) < 0) {
                    gaps.add(new Gap(previous.endAddress(), section.address(), x, GAP_WIDTH));
                    x += GAP_WIDTH;
                }
            }
            double sectionWidth = MIN_SECTION_WIDTH + (total == 0 ? 0 : forSections * section.size() / (double) total);
            placements.add(new Placement(section, x, sectionWidth));
            x += sectionWidth;
        }
        return new AddressScale(placements, gaps);
    }

    public List<Placement> placements() {
        return placements;
    }

    public List<Gap> gaps() {
        return gaps;
    }

    /** The section under {@code x}, or null. */
    public ElfSection sectionAt(double x) {
        for (Placement placement : placements) {
            if (x >= placement.x() && x < placement.x() + placement.width()) {
                return placement.section();
            }
        }
        return null;
    }
}
