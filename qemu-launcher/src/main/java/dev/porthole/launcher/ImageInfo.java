package dev.porthole.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A bootable image as {@link ImageInspector} found it.
 *
 * @param image       the image path (absolute)
 * @param kind        how QEMU will boot it
 * @param debugImage  the ELF gdb should load symbols from: its {@link DebugTwin} beside it, or the image itself
 *                    when it carries DWARF ({@code .debug_info}); empty when neither
 * @param description one line for people: "multiboot ELF32, x86, 123 KiB"
 */
public record ImageInfo(Path image, ImageKind kind, Optional<Path> debugImage, String description) {
}
