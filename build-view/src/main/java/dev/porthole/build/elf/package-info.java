/**
 * Reading ELF32/ELF64 images: sections, segments and a columnar symbol table, with every offset checked
 * against the file so bad input is a message ({@link dev.porthole.build.elf.ElfFormatException}), never
 * an exception trace. Why this is not jelf: see {@link dev.porthole.build.elf.ElfImage}.
 */
package dev.porthole.build.elf;
