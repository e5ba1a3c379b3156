package dev.porthole.app.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names the bits of the x86_64 control and flag registers, so the Registers panel can show {@code CR0 = PG WP NE ET PE}
 * instead of {@code 0x80010033}. Bit positions from the Intel SDM, vol. 3A, 2.5 (CR0, CR3, CR4), 2.2.1 (EFER),
 * vol. 1, 3.4.3 (RFLAGS), vol. 3A, 4.7 (page-fault error code).
 */
public final class RegisterBits {
    /** One named field: a single bit, or a range (IOPL). */
    public record Field(String name, int lowBit, int width, String meaning) {
        long valueIn(long register) {
            return (register >>> lowBit) & ((1L << width) - 1);
        }
    }

    /** A field as set in one value. */
    public record Decoded(Field field, long value) {
        public boolean set() {
            return value != 0;
        }

        @Override
        public String toString() {
            return field.width() == 1 ? field.name() : field.name() + "=" + value;
        }
    }

    private static Field bit(String name, int bit, String meaning) {
        return new Field(name, bit, 1, meaning);
    }

    static final List<Field> RFLAGS = List.of(
            bit("CF", 0, "carry"), bit("PF", 2, "parity"), bit("AF", 4, "auxiliary carry"), bit("ZF", 6, "zero"),
            bit("SF", 7, "sign"), bit("TF", 8, "trap (single step)"), bit("IF", 9, "interrupts enabled"),
            bit("DF", 10, "direction"), bit("OF", 11, "overflow"), new Field("IOPL", 12, 2, "I/O privilege level"),
            bit("NT", 14, "nested task"), bit("RF", 16, "resume"), bit("VM", 17, "virtual-8086 mode"),
            bit("AC", 18, "alignment check"), bit("VIF", 19, "virtual interrupt"), bit("VIP", 20, "virtual interrupt pending"),
            bit("ID", 21, "CPUID available"));

    static final List<Field> CR0 = List.of(
            bit("PE", 0, "protected mode"), bit("MP", 1, "monitor coprocessor"), bit("EM", 2, "x87 emulation"),
            bit("TS", 3, "task switched"), bit("ET", 4, "extension type"), bit("NE", 5, "native FPU errors"),
            bit("WP", 16, "write protect in ring 0"), bit("AM", 18, "alignment mask"), bit("NW", 29, "not write-through"),
            bit("CD", 30, "cache disable"), bit("PG", 31, "paging"));

    static final List<Field> CR3 = List.of(
            bit("PWT", 3, "page-level write-through"), bit("PCD", 4, "page-level cache disable"));

    static final List<Field> CR4 = List.of(
            bit("VME", 0, "virtual-8086 extensions"), bit("PVI", 1, "protected-mode virtual interrupts"),
            bit("TSD", 2, "RDTSC only in ring 0"), bit("DE", 3, "debugging extensions"), bit("PSE", 4, "page size extensions"),
            bit("PAE", 5, "physical address extension"), bit("MCE", 6, "machine check"), bit("PGE", 7, "global pages"),
            bit("PCE", 8, "RDPMC in any ring"), bit("OSFXSR", 9, "FXSAVE/SSE"), bit("OSXMMEXCPT", 10, "SSE exceptions"),
            bit("UMIP", 11, "user-mode instruction prevention"), bit("LA57", 12, "5-level paging"), bit("VMXE", 13, "VMX"),
            bit("SMXE", 14, "SMX"), bit("FSGSBASE", 16, "RDFSBASE and friends"), bit("PCIDE", 17, "process-context IDs"),
            bit("OSXSAVE", 18, "XSAVE"), bit("SMEP", 20, "supervisor-mode execution prevention"),
            bit("SMAP", 21, "supervisor-mode access prevention"), bit("PKE", 22, "protection keys"),
            bit("CET", 23, "control-flow enforcement"), bit("PKS", 24, "supervisor protection keys"));

    static final List<Field> EFER = List.of(
            bit("SCE", 0, "SYSCALL"), bit("LME", 8, "long mode enabled"), bit("LMA", 10, "long mode active"),
            bit("NXE", 11, "no-execute pages"), bit("SVME", 12, "SVM"), bit("LMSLE", 13, "long-mode segment limits"),
            bit("FFXSR", 14, "fast FXSAVE"), bit("TCE", 15, "translation cache extension"));

    static final List<Field> PAGE_FAULT_ERROR = List.of(
            bit("P", 0, "protection violation (else: page not present)"), bit("W", 1, "write (else: read)"),
            bit("U", 2, "user mode (else: supervisor)"), bit("RSVD", 3, "reserved bit set in a paging entry"),
            bit("I", 4, "instruction fetch"), bit("PK", 5, "protection key"), bit("SS", 6, "shadow stack"),
            bit("SGX", 15, "SGX"));

    private static final Map<String, List<Field>> BY_REGISTER = Map.of(
            "eflags", RFLAGS, "rflags", RFLAGS, "cr0", CR0, "cr3", CR3, "cr4", CR4, "efer", EFER);

    private RegisterBits() {
    }

    /** The fields of a register that has named bits ({@code eflags}, {@code cr0}, ...), or empty. */
    public static Optional<List<Field>> fieldsOf(String register) {
        return Optional.ofNullable(BY_REGISTER.get(register.toLowerCase(Locale.ROOT)));
    }

    /** Every field of the register with its value in {@code value}, set or not, in bit order. */
    public static List<Decoded> decode(String register, long value) {
        List<Decoded> out = new ArrayList<>();
        for (Field field : fieldsOf(register).orElse(List.of())) {
            out.add(new Decoded(field, field.valueIn(value)));
        }
        return out;
    }

    /** The set fields, highest bit first, as a compact line: {@code PG WP NE ET MP PE}. CR3 adds its table base. */
    public static String summary(String register, long value) {
        List<Decoded> decoded = decode(register, value);
        List<String> set = new ArrayList<>();
        for (int i = decoded.size() - 1; i >= 0; i--) {
            Decoded d = decoded.get(i);
            if (d.set() || d.field().width() > 1) {
                set.add(d.toString());
            }
        }
        if (register.equalsIgnoreCase("cr3")) {
            set.add(0, String.format("PML4=0x%x", value & 0x000f_ffff_ffff_f000L));
        }
        return String.join(" ", set);
    }

    /** A page fault's error code in words: {@code not present, write, supervisor}. */
    public static String pageFaultError(long code) {
        List<String> words = new ArrayList<>();
        words.add((code & 1) != 0 ? "protection violation" : "page not present");
        words.add((code & 2) != 0 ? "write" : "read");
        words.add((code & 4) != 0 ? "user mode" : "supervisor mode");
        for (Field field : PAGE_FAULT_ERROR) {
            if (field.lowBit() >= 3 && field.valueIn(code) != 0) {
                words.add(field.meaning());
            }
        }
        return String.join(", ", words);
    }
}
