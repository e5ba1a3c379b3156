/**
 * What occupies an image: {@link dev.porthole.build.layout.ImageLayout} (sections, segments, symbols,
 * source files through binutils {@code nm -l}), the size hierarchy section -> directory -> file -> symbol
 * ({@link dev.porthole.build.layout.SizeNode}), the diff of two builds
 * ({@link dev.porthole.build.layout.LayoutDiff}) and addresses to names
 * ({@link dev.porthole.build.layout.Symbolizer}, file:line through {@code addr2line}).
 */
package dev.porthole.build.layout;
