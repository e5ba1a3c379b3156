package dev.porthole.build.elf;

import java.nio.charset.StandardCharsets;

/**
 * An ELF symbol table stored by column (primitive arrays), with names decoded only when asked for.
 *
 * <p>Why columns: {@code libjvm.so} has about 58,000 symbols and big images several hundred thousand; one
 * object per symbol with its name decoded up front costs tens of MB and most of the read time, while
 * the layout needs only sizes and sections to rank and group, and names for what it shows.
 */
public final class SymbolTable {
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_COMMON = 5;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    /** Section index of an undefined symbol. */
    public static final int SHN_UNDEF = 0;
    /** Section index of an absolute symbol. */
    public static final int SHN_ABS = 0xfff1;

    static final SymbolTable EMPTY = new SymbolTable("", new long[0], new long[0], new int[0], new byte[0], new int[0], new int[0], new byte[0]);

    private final String sectionName;
    private final long[] values;
    private final long[] sizes;
    private final int[] nameOffsets;
    private final byte[] infos;
    private final int[] sectionIndexes;
    private final int[] fileSymbols;
    private final byte[] strings;

    SymbolTable(String sectionName, long[] values, long[] sizes, int[] nameOffsets, byte[] infos, int[] sectionIndexes,
                int[] fileSymbols, byte[] strings) {
        this.sectionName = sectionName;
        this.values = values;
        this.sizes = sizes;
        this.nameOffsets = nameOffsets;
        this.infos = infos;
        this.sectionIndexes = sectionIndexes;
        this.fileSymbols = fileSymbols;
        this.strings = strings;
    }

    /** {@code .symtab}, {@code .dynsym} (a stripped image's dynamic symbols), or "" when the image has none. */
    public String sectionName() {
        return sectionName;
    }

    /** Entries, including the null symbol at index 0. */
    public int count() {
        return values.length;
    }

    public long value(int i) {
        return values[i];
    }

    public long size(int i) {
        return sizes[i];
    }

    public int type(int i) {
        return infos[i] & 0xf;
    }

    public int binding(int i) {
        return (infos[i] >> 4) & 0xf;
    }

    /** The section the symbol is defined in, or {@link #SHN_UNDEF}, {@link #SHN_ABS}, ... */
    public int sectionIndex(int i) {
        return sectionIndexes[i];
    }

    /**
     * The index of the {@code STT_FILE} symbol that precedes this local symbol (the compilation unit's
     * source name, without directory), or -1. Global symbols carry no file in the symbol table.
     */
    public int fileSymbol(int i) {
        return fileSymbols[i];
    }

    /** The symbol's name, decoded now (UTF-8); a name offset outside the string table reads as {@code <bad name @N>}. */
    public String name(int i) {
        int start = nameOffsets[i];
        if (start < 0 || start >= strings.length) {
            return start == 0 ? "" : "<bad name @" + Integer.toUnsignedString(start) + ">";
        }
        int end = start;
        while (end < strings.length && strings[end] != 0) {
            end++;
        }
        return new String(strings, start, end - start, StandardCharsets.UTF_8);
    }

    /** True for symbols that are code or data with a place in memory (not files, sections or undefined names). */
    public boolean isCodeOrData(int i) {
        int type = type(i);
        int section = sectionIndexes[i];
        boolean placed = section != SHN_UNDEF && section < 0xff00;
        return placed && (type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE || type == STT_TLS || type == STT_GNU_IFUNC);
    }

    public static String typeName(int type) {
        switch (type) {
            case STT_NOTYPE: return "NOTYPE";
            case STT_OBJECT: return "OBJECT";
            case STT_FUNC: return "FUNC";
            case STT_SECTION: return "SECTION";
            case STT_FILE: return "FILE";
            case STT_COMMON: return "COMMON";
            case STT_TLS: return "TLS";
            case STT_GNU_IFUNC: return "IFUNC";
            default: return Integer.toString(type);
        }
    }

    public static String bindingName(int binding) {
        switch (binding) {
            case STB_LOCAL: return "LOCAL";
            case STB_GLOBAL: return "GLOBAL";
            case STB_WEAK: return "WEAK";
            case 10: return "UNIQUE";
            default: return Integer.toString(binding);
        }
    }
}
