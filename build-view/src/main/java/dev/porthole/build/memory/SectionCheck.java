package dev.porthole.build.memory;

import dev.porthole.build.elf.ElfSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an ELF section is mapped at run time with the permissions its flags imply: every byte present;
 * writable exactly when the section has {@code W}; executable exactly when it has {@code X}. Anything else
 * is a {@link Problem} naming the address range and what is wrong, so a view can say which part is not
 * as the image asks (the sample kernel leaves a guard page in {@code .bss} unmapped on purpose: that shows
 * up here, as it should).
 */
public record SectionCheck(ElfSection section, List<Problem> problems) {
    /** A range of the section that is unmapped or mapped with the wrong permissions. */
    public record Problem(long start, long end, String what) {
        @Override
        public String toString() {
            return String.format("0x%x-0x%x: %s", start, end, what);
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Checks every allocated section (with an address; TLS templates are skipped) against the mappings. */
    public static List<SectionCheck> checkAll(List<ElfSection> sections, List<PageMapping> mappings) {
        List<SectionCheck> checks = new ArrayList<>();
        for (ElfSection section : sections) {
            boolean tls = (section.flags() & ElfSection.SHF_TLS) != 0;
            if (section.isAlloc() && section.size() > 0 && !tls) {
                checks.add(check(section, mappings));
            }
        }
        return checks;
    }

    public static SectionCheck check(ElfSection section, List<PageMapping> mappings) {
        List<Problem> problems = new ArrayList<>();
        long cursor = section.address();
        long end = section.endAddress();
        while (Long.compareUnsigned(cursor, end) < 0) {
            PageMapping mapping = find(mappings, cursor);
            if (mapping == null) {
                long next = nextStart(mappings, cursor, end);
                addProblem(problems, cursor, next, "not mapped");
                cursor = next;
                continue;
            }
            long stop = Long.compareUnsigned(mapping.virtualEnd(), end) < 0 && mapping.virtualEnd() != 0 ? mapping.virtualEnd() : end;
            String name = section.name();
            if (section.isWritable() && !mapping.writable()) {
                addProblem(problems, cursor, stop, "read-only, but " + name + " is writable (W)");
            }
            if (!section.isWritable() && mapping.writable()) {
                addProblem(problems, cursor, stop, "writable, but " + name + " is read-only");
            }
            if (section.isExecutable() && !mapping.executable()) {
                addProblem(problems, cursor, stop, "no-execute, but " + name + " is code (X)");
            }
            if (!section.isExecutable() && mapping.executable()) {
                addProblem(problems, cursor, stop, "executable, but " + name + " is not code");
            }
            cursor = stop;
        }
        return new SectionCheck(section, List.copyOf(problems));
    }

    private static void addProblem(List<Problem> problems, long start, long end, String what) {
        if (!problems.isEmpty()) {
            Problem last = problems.get(problems.size() - 1);
            if (last.end() == start && last.what().equals(what)) {
                problems.set(problems.size() - 1, new Problem(last.start(), end, what));
                return;
            }
        }
        problems.add(new Problem(start, end, what));
    }

    private static PageMapping find(List<PageMapping> mappings, long address) {
        for (PageMapping mapping : mappings) {
            if (mapping.contains(address)) {
                return mapping;
            }
        }
        return null;
    }

    private static long nextStart(List<PageMapping> mappings, long address, long end) {
        long next = end;
        for (PageMapping mapping : mappings) {
            if (Long.compareUnsigned(mapping.virtualStart(), address) > 0 && Long.compareUnsigned(mapping.virtualStart(), next) < 0) {
                next = mapping.virtualStart();
            }
        }
        return next;
    }
}
