package dev.porthole.build.layout;

/**
 * A symbol as the layout shows it.
 *
 * @param file      source file (absolute path from DWARF, or only a file name from an {@code STT_FILE}
 *                  symbol), or null when the image does not say
 * @param directory the size hierarchy's directory level for {@code file} (for Unikraft: the library,
 *                  {@code lib/ukboot}); see {@link SourceDirectories}
 */
public record LayoutSymbol(String name, long address, long size, String type, String binding, String section, String file,
                           String directory) {
}
