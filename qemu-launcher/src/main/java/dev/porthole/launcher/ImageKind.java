package dev.porthole.launcher;

/** What QEMU's {@code -kernel} can boot, told apart by the file's bytes ({@link ImageInspector}). */
public enum ImageKind {
    /** A 32-bit ELF with a multiboot header in its first 8 KiB (our kernel, many hobby kernels). */
    MULTIBOOT_ELF32,
    /** A 64-bit ELF carrying the Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY): Unikraft, Linux vmlinux with PVH. */
    PVH_ELF64,
    /** A 32-bit ELF carrying the PVH entry note. */
    PVH_ELF32,
    /** A Linux boot-protocol image ("HdrS" at offset 0x202). */
    LINUX_BZIMAGE
}
