package dev.porthole.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Tells from a file's bytes whether QEMU's {@code -kernel} can boot it, and how; finds its debug twin. Every refusal
 * says what the file is, why QEMU cannot boot it and what to do instead.
 */
public final class ImageInspector {
    private static final int MULTIBOOT_MAGIC = 0x1BADB002;
    private static final int MULTIBOOT_SEARCH = 8192;
    private static final int XEN_ELFNOTE_PHYS32_ENTRY = 18;
    private static final int EM_386 = 3;
    private static final int EM_X86_64 = 62;
    private static final int PT_NOTE = 4;
    private static final int SHT_NOTE = 7;
    private static final String DEBUG_ELF_HINT = "If this is a debug ELF (like NAME.dbg), boot the image built beside it and let gdb load this one";

    private ImageInspector() {
    }

    /** Inspects the image; throws {@link LaunchException} with a clear message when it cannot be booted. */
    public static ImageInfo inspect(Path image) throws LaunchException {
        Path path = image.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new LaunchException("image " + path + " is a directory; give the image file itself (for the sample kernel: kernel/build/porthole.elf)");
        }
        if (!Files.exists(path)) {
            throw new LaunchException("image " + path + " does not exist; check the path, or build it first (make -C kernel for the sample kernel)");
        }
        if (!Files.isReadable(path)) {
            throw new LaunchException("image " + path + " is not readable by this user; fix its permissions (chmod a+r)");
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = file.size();
            if (size == 0) {
                throw new LaunchException("image " + path + " is empty (0 bytes); the build probably failed: rebuild it");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 64 * 1024)).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && file.read(head) >= 0) {
                // fill
            }
            head.flip();
            ImageKind kind = classify(path, file, head, size);
            boolean ownDwarf = isElf(head) && hasSection(file, head, ".debug_info");
            return new ImageInfo(path, kind, findDebugTwin(path, ownDwarf), describe(kind, size));
        } catch (IOException e) {
            throw new LaunchException("cannot read image " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // offsets in a damaged header point outside the file
            throw new LaunchException("image " + path + " looks damaged: its headers point outside the file (" + e.getMessage()
                    + "); rebuild it", e);
        }
    }

    /** The image's {@link DebugTwin} beside it; else the image itself when it has DWARF. */
    public static Optional<Path> findDebugTwin(Path image, boolean imageHasDwarf) {
        return DebugTwin.beside(image).or(() -> imageHasDwarf ? Optional.of(image.toAbsolutePath()) : Optional.empty());
    }

    private static ImageKind classify(Path path, FileChannel file, ByteBuffer head, long size) throws IOException, LaunchException {
        int limit = head.limit();
        if (limit >= 0x206 && ascii(head, 0x202, 4).equals("HdrS")) {
            return ImageKind.LINUX_BZIMAGE;
        }
        if (limit >= 2 && head.get(0) == 'M' && head.get(1) == 'Z') {
            throw new LaunchException("image " + path + " is a Windows PE/EFI executable (starts with 'MZ' and has no Linux boot header); "
                    + "QEMU -kernel boots multiboot ELF32, PVH ELF or Linux bzImage: boot the ELF your build made before the PE conversion");
        }
        if (limit >= 4) {
            int magicBe = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
            head.order(ByteOrder.LITTLE_ENDIAN);
            if (magicBe == 0xFEEDFACE || magicBe == 0xFEEDFACF || magicBe == 0xCEFAEDFE || magicBe == 0xCFFAEDFE || magicBe == 0xCAFEBABE) {
                throw new LaunchException("image " + path + " is a Mach-O file (a macOS executable); QEMU -kernel cannot boot it: "
                        + "build the image for x86_64 ELF (multiboot or PVH) on Linux or with an ELF cross toolchain");
            }
        }
        if (!isElf(head)) {
            if (multibootHeader(head)) {
                return ImageKind.MULTIBOOT_ELF32; // a flat multiboot binary (a.out kludge) boots the same way
            }
            throw new LaunchException("image " + path + " is not a bootable x86 image (not ELF, not a Linux bzImage, no multiboot header; "
                    + "first bytes " + hex(head, 8) + "); give a multiboot ELF32, a PVH ELF or a bzImage");
        }
        int elfClass = head.get(4);
        if ((elfClass != 1 && elfClass != 2) || head.limit() < (elfClass == 2 ? 64 : 52)) {
            throw new LaunchException("image " + path + " starts like an ELF file but its header is truncated or has an unknown class ("
                    + elfClass + "); rebuild it");
        }
        boolean littleEndian = head.get(5) == 1;
        int machine = Short.toUnsignedInt(head.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).getShort(18));
        head.order(ByteOrder.LITTLE_ENDIAN);
        if (!littleEndian || (machine != EM_386 && machine != EM_X86_64)) {
            throw new LaunchException("image " + path + " is an ELF for " + machineName(machine) + " (e_machine " + machine + "); "
                    + "qemu-system-x86_64 boots x86 images only: build it for x86_64, or run it with the QEMU for its architecture");
        }
        boolean pvh = hasPvhNote(file, head);
        if (elfClass == 2) {
            if (pvh) {
                return ImageKind.PVH_ELF64;
            }
            if (multibootHeader(head)) {
                throw new LaunchException("image " + path + " is a 64-bit ELF with a multiboot header but no PVH note; QEMU's multiboot loader "
                        + "takes 32-bit ELF only (it says \"Cannot load x86-64 image, give a 32bit one\"): convert it with "
                        + "'objcopy -O elf32-i386 IMAGE IMAGE.elf32', or link with a PVH note (XEN_ELFNOTE_PHYS32_ENTRY). " + DEBUG_ELF_HINT);
            }
            throw new LaunchException("image " + path + " is a 64-bit x86 ELF with no PVH note and no multiboot header, so QEMU -kernel cannot boot it "
                    + "(it needs a 32-bit entry point it can find): add a PVH note (XEN_ELFNOTE_PHYS32_ENTRY), or a multiboot header and link a "
                    + "32-bit ELF. " + DEBUG_ELF_HINT);
        }
        if (pvh) {
            return ImageKind.PVH_ELF32;
        }
        if (multibootHeader(head)) {
            return ImageKind.MULTIBOOT_ELF32;
        }
        throw new LaunchException("image " + path + " is a 32-bit x86 ELF without a multiboot header (magic 0x1BADB002 in the first 8 KiB) "
                + "or a PVH note; QEMU -kernel cannot boot it: add a multiboot header to its entry file");
    }

    private static boolean isElf(ByteBuffer head) {
        return head.limit() >= 52 && head.get(0) == 0x7f && head.get(1) == 'E' && head.get(2) == 'L' && head.get(3) == 'F';
    }

    private static boolean multibootHeader(ByteBuffer head) {
        int end = Math.min(head.limit(), MULTIBOOT_SEARCH) - 12;
        for (int off = 0; off <= end; off += 4) {
            if (head.getInt(off) == MULTIBOOT_MAGIC && head.getInt(off) + head.getInt(off + 4) + head.getInt(off + 8) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Looks for the Xen PVH entry note in PT_NOTE segments and SHT_NOTE sections. */
    private static boolean hasPvhNote(FileChannel file, ByteBuffer head) throws IOException {
        Elf elf = Elf.of(head);
        for (int i = 0; i < elf.phnum; i++) {
            ByteBuffer ph = read(file, elf.phoff + (long) i * elf.phentsize, elf.phentsize);
            if (ph == null || ph.getInt(0) != PT_NOTE) {
                continue;
            }
            long offset = elf.is64 ? ph.getLong(8) : Integer.toUnsignedLong(ph.getInt(4));
            long filesz = elf.is64 ? ph.getLong(32) : Integer.toUnsignedLong(ph.getInt(16));
            if (notesContainPvh(read(file, offset, (int) Math.min(filesz, 1 << 20)))) {
                return true;
            }
        }
        for (int i = 0; i < elf.shnum; i++) {
            ByteBuffer sh = read(file, elf.shoff + (long) i * elf.shentsize, elf.shentsize);
            if (sh == null || sh.getInt(4) != SHT_NOTE) {
                continue;
            }
            long offset = elf.is64 ? sh.getLong(24) : Integer.toUnsignedLong(sh.getInt(16));
            long size = elf.is64 ? sh.getLong(32) : Integer.toUnsignedLong(sh.getInt(20));
            if (notesContainPvh(read(file, offset, (int) Math.min(size, 1 << 20)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean notesContainPvh(ByteBuffer notes) {
        if (notes == null) {
            return false;
        }
        int pos = 0;
        while (pos + 12 <= notes.limit()) {
            int namesz = notes.getInt(pos);
            int descsz = notes.getInt(pos + 4);
            int type = notes.getInt(pos + 8);
            if (namesz < 0 || descsz < 0) {
                return false;
            }
            int nameStart = pos + 12;
            if (namesz >= 3 && nameStart + 3 <= notes.limit() && ascii(notes, nameStart, 3).equals("Xen") && type == XEN_ELFNOTE_PHYS32_ENTRY) {
                return true;
            }
            long next = (long) nameStart + align4(namesz) + align4(descsz);
            if (next > notes.limit()) {
                return false;
            }
            pos = (int) next;
        }
        return false;
    }

    private static boolean hasSection(FileChannel file, ByteBuffer head, String wanted) throws IOException {
        Elf elf = Elf.of(head);
        if (elf.shnum == 0 || elf.shstrndx >= elf.shnum) {
            return false;
        }
        ByteBuffer strHeader = read(file, elf.shoff + (long) elf.shstrndx * elf.shentsize, elf.shentsize);
        if (strHeader == null) {
            return false;
        }
        long strOff = elf.is64 ? strHeader.getLong(24) : Integer.toUnsignedLong(strHeader.getInt(16));
        long strSize = elf.is64 ? strHeader.getLong(32) : Integer.toUnsignedLong(strHeader.getInt(20));
        ByteBuffer names = read(file, strOff, (int) Math.min(strSize, 1 << 20));
        if (names == null) {
            return false;
        }
        for (int i = 0; i < elf.shnum; i++) {
            ByteBuffer sh = read(file, elf.shoff + (long) i * elf.shentsize, elf.shentsize);
            if (sh == null) {
                continue;
            }
            int nameOff = sh.getInt(0);
            if (nameOff >= 0 && nameOff + wanted.length() <= names.limit() && ascii(names, nameOff, wanted.length()).equals(wanted)
                    && (nameOff + wanted.length() == names.limit() || names.get(nameOff + wanted.length()) == 0)) {
                return true;
            }
        }
        return false;
    }

    private record Elf(boolean is64, long phoff, int phentsize, int phnum, long shoff, int shentsize, int shnum, int shstrndx) {
        static Elf of(ByteBuffer h) {
            boolean is64 = h.get(4) == 2;
            if (is64) {
                return new Elf(true, h.getLong(32), Short.toUnsignedInt(h.getShort(54)), Short.toUnsignedInt(h.getShort(56)), h.getLong(40),
                        Short.toUnsignedInt(h.getShort(58)), Short.toUnsignedInt(h.getShort(60)), Short.toUnsignedInt(h.getShort(62)));
            }
            return new Elf(false, Integer.toUnsignedLong(h.getInt(28)), Short.toUnsignedInt(h.getShort(42)), Short.toUnsignedInt(h.getShort(44)),
                    Integer.toUnsignedLong(h.getInt(32)), Short.toUnsignedInt(h.getShort(46)), Short.toUnsignedInt(h.getShort(48)),
                    Short.toUnsignedInt(h.getShort(50)));
        }
    }

    private static ByteBuffer read(FileChannel file, long offset, int length) throws IOException {
        if (offset < 0 || length <= 0 || offset + length > file.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    private static long align4(int n) {
        return (n + 3L) & ~3L;
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = b.get(offset + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String hex(ByteBuffer b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.limit()); i++) {
            s.append(String.format("%02x", b.get(i)));
        }
        return s.toString();
    }

    private static String machineName(int machine) {
        return switch (machine) {
            case 183 -> "arm64 (AArch64)";
            case 40 -> "32-bit ARM";
            case 243 -> "RISC-V";
            case 8 -> "MIPS";
            case 20, 21 -> "PowerPC";
            case 22 -> "s390";
            default -> "another architecture";
        };
    }

    private static String describe(ImageKind kind, long size) {
        String k = switch (kind) {
            case MULTIBOOT_ELF32 -> "multiboot ELF32";
            case PVH_ELF64 -> "PVH ELF64";
            case PVH_ELF32 -> "PVH ELF32";
            case LINUX_BZIMAGE -> "Linux bzImage";
        };
        return k + ", " + (size >= 10 * 1024 ? size / 1024 + " KiB" : size + " bytes");
    }
}
