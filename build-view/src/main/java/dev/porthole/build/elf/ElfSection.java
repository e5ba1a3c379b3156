package dev.porthole.build.elf;

/**
 * One section header of an ELF image, as the file states it.
 *
 * @param index   position in the section header table
 * @param name    from the section-name string table ({@code .text}, {@code .bss}, ...)
 * @param type    {@code sh_type} ({@link #SHT_PROGBITS}, {@link #SHT_NOBITS}, ...)
 * @param flags   {@code sh_flags} ({@link #SHF_WRITE}, {@link #SHF_ALLOC}, {@link #SHF_EXECINSTR}, ...)
 * @param address virtual address when loaded (0 for sections that are not loaded)
 * @param offset  file offset of the section's bytes
 * @param size    size in memory (for {@code NOBITS} such as {@code .bss}: occupies no file bytes)
 */
public record ElfSection(int index, String name, int type, long flags, long address, long offset, long size,
                         long entrySize, int link, int info, long alignment) {
    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_DYNSYM = 11;
    public static final int SHT_SYMTAB_SHNDX = 18;

    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;
    public static final long SHF_TLS = 0x400;

    /** Occupies memory at run time. */
    public boolean isAlloc() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean isWritable() {
        return (flags & SHF_WRITE) != 0;
    }

    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** Has no bytes in the file ({@code .bss}). */
    public boolean isNoBits() {
        return type == SHT_NOBITS;
    }

    /** The end address (exclusive) in memory. */
    public long endAddress() {
        return address + size;
    }

    /** readelf's letters for the flags that matter for layout: W (write), A (alloc), X (execute), T (TLS). */
    public String flagLetters() {
        StringBuilder letters = new StringBuilder(4);
        if (isWritable()) {
            letters.append('W');
        }
        if (isAlloc()) {
            letters.append('A');
        }
        if (isExecutable()) {
            letters.append('X');
        }
        if ((flags & SHF_TLS) != 0) {
            letters.append('T');
        }
        return letters.toString();
    }

    /** A short name for the type, as readelf prints it. */
    public String typeName() {
        switch (type) {
            case SHT_NULL: return "NULL";
            case SHT_PROGBITS: return "PROGBITS";
            case SHT_SYMTAB: return "SYMTAB";
            case SHT_STRTAB: return "STRTAB";
            case 4: return "RELA";
            case 5: return "HASH";
            case 6: return "DYNAMIC";
            case 7: return "NOTE";
            case SHT_NOBITS: return "NOBITS";
            case 9: return "REL";
            case SHT_DYNSYM: return "DYNSYM";
            case 14: return "INIT_ARRAY";
            case 15: return "FINI_ARRAY";
            case 16: return "PREINIT_ARRAY";
            case 17: return "GROUP";
            case SHT_SYMTAB_SHNDX: return "SYMTAB_SHNDX";
            case 0x6ffffff6: return "GNU_HASH";
            case 0x6ffffffd: return "VERDEF";
            case 0x6ffffffe: return "VERNEED";
            case 0x6fffffff: return "VERSYM";
            default: return "0x" + Integer.toHexString(type);
        }
    }
}
