package dev.porthole.build.elf;

/**
 * One program header: what the loader maps, where, with which permissions.
 *
 * @param flags {@link #PF_R}, {@link #PF_W}, {@link #PF_X}
 */
public record ElfSegment(int index, int type, int flags, long offset, long virtualAddress, long physicalAddress,
                         long fileSize, long memorySize, long alignment) {
    public static final int PT_LOAD = 1;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    /** "RWX" with dashes for the permissions it lacks, like the kernel's /proc/PID/maps. */
    public String permissions() {
        return ((flags & PF_R) != 0 ? "r" : "-") + ((flags & PF_W) != 0 ? "w" : "-") + ((flags & PF_X) != 0 ? "x" : "-");
    }

    public String typeName() {
        switch (type) {
            case 0: return "NULL";
            case PT_LOAD: return "LOAD";
            case 2: return "DYNAMIC";
            case 3: return "INTERP";
            case 4: return "NOTE";
            case 6: return "PHDR";
            case 7: return "TLS";
            case 0x6474e550: return "GNU_EH_FRAME";
            case 0x6474e551: return "GNU_STACK";
            case 0x6474e552: return "GNU_RELRO";
            case 0x6474e553: return "GNU_PROPERTY";
            default: return "0x" + Integer.toHexString(type);
        }
    }
}
