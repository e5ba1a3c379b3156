package dev.porthole.build.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.TestTools;
import dev.porthole.kernel.SampleKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSymbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader agrees with binutils' readelf and with jelf on real images, and explains bad ones. */
class ElfImageTest {
    private static final Pattern READELF_SECTION = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)]\\s+(\\S*)\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+[0-9a-f]+\\s+([A-Za-z]*)\\s+\\d+");

    static Path libjvm() {
        return TestTools.libjvm();
    }

    static List<String> run(String... command) throws Exception {
        return TestTools.run(command);
    }

    private static void assertSectionsMatchReadelf(Path file) throws Exception {
        ElfImage image = ElfImage.read(file);
        int matched = 0;
        for (String line : run("readelf", "-SW", file.toString())) {
            Matcher m = READELF_SECTION.matcher(line);
            if (!m.find()) {
                continue;
            }
            ElfSection section = image.sections().get(Integer.parseInt(m.group(1)));
            if (section.type() != ElfSection.SHT_NULL) {
                assertEquals(m.group(2), section.name(), line);
            }
            assertEquals(Long.parseUnsignedLong(m.group(4), 16), section.address(), line);
            assertEquals(Long.parseUnsignedLong(m.group(6), 16), section.size(), line);
            matched++;
        }
        assertEquals(image.sections().size(), matched, "every section readelf lists");
    }

    @Test
    void kernelImagesMatchReadelf() throws Exception {
        assertSectionsMatchReadelf(SampleKernel.debugImage());
        assertSectionsMatchReadelf(SampleKernel.image());
        ElfImage debug = ElfImage.read(SampleKernel.debugImage());
        assertTrue(debug.is64Bit());
        assertTrue(debug.hasLineInfo());
        assertFalse(debug.isStripped());
        assertFalse(ElfImage.read(SampleKernel.image()).is64Bit(), "the multiboot image is ELF32");
    }

    @Test
    void libjvmSectionsMatchReadelfAndSymbolsMatchJelf() throws Exception {
        Path file = libjvm();
        assertSectionsMatchReadelf(file);
        ElfImage ours = ElfImage.read(file);
        ElfFile jelf = ElfFile.from(file.toFile());
        ElfSymbol[] reference = jelf.getSymbolTableSection().symbols;
        SymbolTable symbols = ours.symbols();
        assertEquals(".symtab", symbols.sectionName());
        assertEquals(reference.length, symbols.count());
        assertTrue(symbols.count() > 10_000, "libjvm has a big symbol table: " + symbols.count());
        for (int i = 0; i < reference.length; i++) {
            ElfSymbol expected = reference[i];
            assertEquals(expected.getName() == null ? "" : expected.getName(), symbols.name(i), "name of symbol " + i);
            assertEquals(expected.st_value, symbols.value(i), "value of " + symbols.name(i));
            assertEquals(expected.st_size, symbols.size(i), "size of " + symbols.name(i));
            assertEquals(expected.getType(), symbols.type(i), "type of " + symbols.name(i));
            assertEquals(expected.getBinding(), symbols.binding(i), "binding of " + symbols.name(i));
            assertEquals(Short.toUnsignedInt(expected.st_shndx), symbols.sectionIndex(i), "section of " + symbols.name(i));
        }
    }

    @Test
    void kernelSymbolsMatchNm() throws Exception {
        Path file = SampleKernel.debugImage();
        SymbolTable symbols = ElfImage.read(file).symbols();
        List<String> nm = run("nm", "--defined-only", file.toString());
        for (String line : nm) {
            String[] parts = line.split(" ");
            boolean found = false;
            for (int i = 0; i < symbols.count() && !found; i++) {
                found = symbols.name(i).equals(parts[2]) && symbols.value(i) == Long.parseUnsignedLong(parts[0], 16);
            }
            assertTrue(found, "nm's symbol " + line + " is in the table");
        }
    }

    @Test
    void notAnElfSaysWhatItIs(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is text and not a kernel image\n");
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfImage.read(text));
        assertTrue(e.getMessage().contains("is not an ELF file"), e.getMessage());
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());

        Path script = Files.writeString(dir.resolve("build.sh"), "#!/bin/sh\nmake\n");
        assertTrue(assertThrows(ElfFormatException.class, () -> ElfImage.read(script)).getMessage().contains("script"));

        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertTrue(assertThrows(ElfFormatException.class, () -> ElfImage.read(empty)).getMessage().contains("empty"));

        ElfFormatException missing = assertThrows(ElfFormatException.class, () -> ElfImage.read(dir.resolve("nothing.elf")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void everyTruncationOfTheKernelIsAMessage(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(SampleKernel.debugImage());
        int[] cuts = {20, 63, 64, 200, whole.length / 2, whole.length - 1};
        for (int cut : cuts) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfImage.parse(truncated, "cut-at-" + cut),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith("cut-at-" + cut), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void sectionHeadersPastTheEndAreNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(SampleKernel.debugImage());
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(40, bytes.length - 10L); // e_shoff near the end: the table cannot fit
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfImage.parse(bytes, "moved-table.elf"));
        assertTrue(e.getMessage().contains("section header table"), e.getMessage());
        assertTrue(e.getMessage().contains("past") || e.getMessage().contains("only " + bytes.length), e.getMessage());

        byte[] bigSection = Files.readAllBytes(SampleKernel.debugImage());
        ByteBuffer b = ByteBuffer.wrap(bigSection).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(40);
        int textHeader = (int) shoff + 64; // section 1 (.text)
        b.putLong(textHeader + 32, 1L << 40); // sh_size: a terabyte
        ElfFormatException big = assertThrows(ElfFormatException.class, () -> ElfImage.parse(bigSection, "huge-text.elf"));
        assertTrue(big.getMessage().contains("section [1] .text"), big.getMessage());
    }

    @Test
    void enormousSymbolTableIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SampleKernel.debugImage());
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(40);
        int shnum = Short.toUnsignedInt(b.getShort(60));
        long entries = ElfImage.MAX_SYMBOLS + 1L;
        long tableOffset = bytes.length;
        for (int i = 0; i < shnum; i++) {
            int header = (int) shoff + i * 64;
            if (b.getInt(header + 4) == ElfSection.SHT_SYMTAB) {
                b.putLong(header + 24, tableOffset);
                b.putLong(header + 32, entries * 24);
            }
        }
        Path huge = dir.resolve("huge-symtab.elf");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.write(bytes);
            file.setLength(tableOffset + entries * 24); // sparse: the symbol table is there, as zeros, without using disk
        }
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfImage.read(huge));
        assertTrue(e.getMessage().contains(entries + " entries, more than the " + ElfImage.MAX_SYMBOLS), e.getMessage());
        assertTrue(e.getMessage().contains("nm --size-sort"), "says what to use instead: " + e.getMessage());
    }

    @Test
    void strippedImageIsReadAndSaysSo(@TempDir Path dir) throws Exception {
        Path stripped = dir.resolve("porthole.elf");
        run("objcopy", "--strip-all", SampleKernel.debugImage().toString(), stripped.toString());
        ElfImage image = ElfImage.read(stripped);
        assertTrue(image.isStripped());
        assertEquals(0, image.symbols().count());
        assertFalse(image.sections().isEmpty());
    }

    @Test
    void jdkLibrariesAllParse() throws Exception {
        Path lib = Path.of(System.getProperty("java.home"), "lib");
        List<Path> libraries;
        try (Stream<Path> files = Files.list(lib)) {
            libraries = files.filter(f -> f.toString().endsWith(".so")).toList();
        }
        assertFalse(libraries.isEmpty());
        for (Path library : libraries) {
            ElfImage image = ElfImage.read(library);
            assertTrue(image.sections().size() > 5, library.toString());
            assertTrue(image.symbols().count() > 0, library + " has dynamic symbols at least");
        }
    }
}
