package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Stream;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** What each highlighter marks, read back from its style spans the way the code area would paint them. */
class SyntaxHighlighterTest {

    /** The style classes on the first character of the {@code nth} (0-based) occurrence of {@code token}. */
    static Collection<String> classesOf(SourceLanguage language, String text, String token, int nth) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = text.indexOf(token, at + 1);
            assertTrue(at >= 0, "'" + token + "' occurs fewer than " + (nth + 1) + " times");
        }
        StyleSpans<Collection<String>> spans = SyntaxHighlighter.of(language).highlight(text);
        assertEquals(text.length(), spans.length(), "spans must cover the whole text");
        // Every character of the token carries the same classes: a token is never split.
        Collection<String> first = styleAt(spans, at);
        for (int i = at; i < at + token.length(); i++) {
            assertEquals(first, styleAt(spans, i), "'" + token + "' is split at offset " + (i - at));
        }
        return first;
    }

    /** The style classes on the character at {@code offset}. */
    static Collection<String> classesAt(SourceLanguage language, String text, int offset) {
        return styleAt(SyntaxHighlighter.of(language).highlight(text), offset);
    }

    static Collection<String> classesOf(SourceLanguage language, String text, String token) {
        return classesOf(language, text, token, 0);
    }

    static Collection<String> styleAt(StyleSpans<Collection<String>> spans, int offset) {
        int position = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (offset < position + span.getLength()) {
                return span.getStyle();
            }
            position += span.getLength();
        }
        throw new IllegalArgumentException("offset " + offset + " past the spans' end " + position);
    }

    @Test
    void languageComesFromTheFileName() {
        assertEquals(SourceLanguage.C, SourceLanguage.of(Path.of("kernel/main.c")));
        assertEquals(SourceLanguage.C, SourceLanguage.of(Path.of("defs.h")));
        assertEquals(SourceLanguage.ASSEMBLY, SourceLanguage.of(Path.of("entry.S")));
        assertEquals(SourceLanguage.ASSEMBLY, SourceLanguage.of(Path.of("boot.s")));
        assertEquals(SourceLanguage.ASSEMBLY, SourceLanguage.of(Path.of("x.asm")));
        assertEquals(SourceLanguage.LINKER_SCRIPT, SourceLanguage.of(Path.of("kernel.ld")));
        assertEquals(SourceLanguage.LINKER_SCRIPT, SourceLanguage.of(Path.of("link.lds")));
        assertEquals(SourceLanguage.MAKEFILE, SourceLanguage.of(Path.of("Makefile")));
        assertEquals(SourceLanguage.MAKEFILE, SourceLanguage.of(Path.of("rules.mk")));
        assertEquals(SourceLanguage.PLAIN_TEXT, SourceLanguage.of(Path.of("README.md")));
    }

    @Test
    void cMarksKeywordsTypesPreprocessorStringsCharsNumbersAndComments() {
        String c = """
                #include "types.h"
                #include <stdint.h>
                /* a block comment
                   over two lines with if and 42 */
                static uint64 count = 0x10;   // if in a comment
                struct point { int64 x; };
                int main(void) {
                  char c = 'x';
                  size_t n = 12u;
                  if (count > 3) return sizeof(struct point);
                  kprintf("if %d\\n", n);
                }
                """;
        assertEquals(Set.of(SyntaxStyle.PREPROC), Set.copyOf(classesOf(SourceLanguage.C, c, "#include")));
        assertEquals(Set.of(SyntaxStyle.PREPROC), Set.copyOf(classesOf(SourceLanguage.C, c, "#include <stdint.h>")));
        assertEquals(Set.of(SyntaxStyle.STRING), Set.copyOf(classesOf(SourceLanguage.C, c, "\"types.h\"")));
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(SourceLanguage.C, c, "over two lines with if and 42 */")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(SourceLanguage.C, c, "static")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(SourceLanguage.C, c, "uint64")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(SourceLanguage.C, c, "int64")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(SourceLanguage.C, c, "size_t")));
        assertEquals(Set.of(SyntaxStyle.NUMBER), Set.copyOf(classesOf(SourceLanguage.C, c, "0x10")));
        assertEquals(Set.of(SyntaxStyle.NUMBER), Set.copyOf(classesOf(SourceLanguage.C, c, "12u")));
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(SourceLanguage.C, c, "// if in a comment")));
        assertEquals(Set.of(SyntaxStyle.STRING), Set.copyOf(classesOf(SourceLanguage.C, c, "'x'")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesAt(SourceLanguage.C, c, c.indexOf("if (count"))));
        assertEquals(Set.of(SyntaxStyle.STRING), Set.copyOf(classesOf(SourceLanguage.C, c, "\"if %d\\n\"")));
        assertEquals(Set.of(), Set.copyOf(classesOf(SourceLanguage.C, c, "count", 0)));
        assertEquals(Set.of(), Set.copyOf(classesOf(SourceLanguage.C, c, "kprintf")));
    }

    @Test
    void anUnterminatedBlockCommentRunsToTheEnd() {
        String c = "int x; /* never closed\nint y;";
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(SourceLanguage.C, c, "int y;")));
    }

    @Test
    void atntAssemblyMarksDirectivesInstructionsRegistersImmediatesLabelsAndComments() {
        String asm = """
                #include "x86.h"
                #define STACK 16384
                .section .text.entry, "ax"
                .globl _start
                _start:
                  cli
                  movl $0x2BADB002, %eax     // multiboot magic
                  mov %eax, %esi             # also a comment
                  /* block comment: movl %eax */
                1: jmp 1b
                  lgdt gdt_desc
                  addq $STACK, %rsp
                """;
        SourceLanguage a = SourceLanguage.ASSEMBLY;
        assertEquals(Set.of(SyntaxStyle.PREPROC), Set.copyOf(classesOf(a, asm, "#include")));
        assertEquals(Set.of(SyntaxStyle.PREPROC), Set.copyOf(classesOf(a, asm, "#define")));
        assertEquals(Set.of(SyntaxStyle.DIRECTIVE), Set.copyOf(classesOf(a, asm, ".section")));
        assertEquals(Set.of(SyntaxStyle.DIRECTIVE), Set.copyOf(classesOf(a, asm, ".globl")));
        assertEquals(Set.of(SyntaxStyle.STRING), Set.copyOf(classesOf(a, asm, "\"ax\"")));
        assertEquals(Set.of(SyntaxStyle.LABEL), Set.copyOf(classesOf(a, asm, "_start:")));
        assertEquals(Set.of(SyntaxStyle.LABEL), Set.copyOf(classesOf(a, asm, "1:")));
        assertEquals(Set.of(SyntaxStyle.INSTRUCTION), Set.copyOf(classesOf(a, asm, "cli")));
        assertEquals(Set.of(SyntaxStyle.INSTRUCTION), Set.copyOf(classesOf(a, asm, "movl")));
        assertEquals(Set.of(SyntaxStyle.INSTRUCTION), Set.copyOf(classesOf(a, asm, "jmp")));
        assertEquals(Set.of(SyntaxStyle.INSTRUCTION), Set.copyOf(classesOf(a, asm, "lgdt")));
        assertEquals(Set.of(SyntaxStyle.IMMEDIATE), Set.copyOf(classesOf(a, asm, "$0x2BADB002")));
        assertEquals(Set.of(SyntaxStyle.IMMEDIATE), Set.copyOf(classesOf(a, asm, "$STACK")));
        assertEquals(Set.of(SyntaxStyle.REGISTER), Set.copyOf(classesOf(a, asm, "%eax")));
        assertEquals(Set.of(SyntaxStyle.REGISTER), Set.copyOf(classesOf(a, asm, "%rsp")));
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(a, asm, "// multiboot magic")));
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(a, asm, "# also a comment")));
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(a, asm, "/* block comment: movl %eax */")));
        assertEquals(Set.of(), Set.copyOf(classesOf(a, asm, "gdt_desc")));
    }

    @Test
    void linkerScriptMarksCommandsBuiltinsSectionsLocationCounterSymbolsAndNumbers() {
        String ld = """
                /* Link at 1 MiB. */
                OUTPUT_FORMAT("elf64-x86-64")
                ENTRY(_start)
                MEMORY { ram (rwx) : ORIGIN = 0x100000, LENGTH = 64M }
                SECTIONS
                {
                  . = 0x100000;
                  .text : { KEEP(*(.multiboot)) *(.text .text.*) }
                  . = ALIGN(4096);
                  PROVIDE(etext = .);
                  _kernel_end = .;
                }
                """;
        SourceLanguage l = SourceLanguage.LINKER_SCRIPT;
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(l, ld, "/* Link at 1 MiB. */")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(l, ld, "OUTPUT_FORMAT")));
        assertEquals(Set.of(SyntaxStyle.STRING), Set.copyOf(classesOf(l, ld, "\"elf64-x86-64\"")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(l, ld, "ENTRY")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(l, ld, "MEMORY")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(l, ld, "SECTIONS")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(l, ld, "ALIGN")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(l, ld, "KEEP")));
        assertEquals(Set.of(SyntaxStyle.TYPE), Set.copyOf(classesOf(l, ld, "PROVIDE")));
        assertEquals(Set.of(SyntaxStyle.DIRECTIVE), Set.copyOf(classesOf(l, ld, ".text")));
        assertEquals(Set.of(SyntaxStyle.DIRECTIVE), Set.copyOf(classesOf(l, ld, ".multiboot")));
        assertEquals(Set.of(SyntaxStyle.REGISTER), Set.copyOf(classesAt(l, ld, ld.indexOf("  . = 0x100000") + 2)));
        assertEquals(Set.of(SyntaxStyle.REGISTER), Set.copyOf(classesAt(l, ld, ld.indexOf("etext = .") + 8)));
        assertEquals(Set.of(SyntaxStyle.NUMBER), Set.copyOf(classesOf(l, ld, "0x100000", 1)));
        assertEquals(Set.of(SyntaxStyle.NUMBER), Set.copyOf(classesOf(l, ld, "4096")));
        assertEquals(Set.of(SyntaxStyle.NUMBER), Set.copyOf(classesOf(l, ld, "64M")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(l, ld, "etext")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(l, ld, "_kernel_end")));
    }

    @Test
    void makefileMarksTargetsVariablesAssignmentsRecipesAndComments() {
        String make = """
                # Build the kernel.
                CC      := gcc
                CFLAGS  += -O2
                B = build
                OBJS ?= main.o

                .PHONY: all clean
                all: $(B)/porthole.elf

                $(B)/%.o: %.c
                \t@mkdir -p $(B)
                \t$(CC) $(CFLAGS) -c $< -o $@

                ifeq ($(V),1)
                Q =
                endif
                include deps.mk
                """;
        SourceLanguage m = SourceLanguage.MAKEFILE;
        assertEquals(Set.of(SyntaxStyle.COMMENT), Set.copyOf(classesOf(m, make, "# Build the kernel.")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "CC")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "CFLAGS")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "OBJS")));
        assertEquals(Set.of(SyntaxStyle.DIRECTIVE), Set.copyOf(classesOf(m, make, ".PHONY")));
        assertEquals(Set.of(), Set.copyOf(classesOf(m, make, "all", 0)));
        assertEquals(Set.of(SyntaxStyle.LABEL), Set.copyOf(classesOf(m, make, "all", 1)));
        assertEquals(Set.of(SyntaxStyle.LABEL), Set.copyOf(classesOf(m, make, "$(B)/%.o")));
        assertEquals(Set.of(SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "$(B)", 0)));
        assertEquals(Set.of(SyntaxStyle.RECIPE), Set.copyOf(classesOf(m, make, "@mkdir -p ")));
        assertEquals(Set.of(SyntaxStyle.RECIPE, SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "$(CC)")));
        assertEquals(Set.of(SyntaxStyle.RECIPE, SyntaxStyle.VARIABLE), Set.copyOf(classesOf(m, make, "$@")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(m, make, "ifeq")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(m, make, "endif")));
        assertEquals(Set.of(SyntaxStyle.KEYWORD), Set.copyOf(classesOf(m, make, "include")));
    }

    @Test
    void plainTextHasNoStyles() {
        StyleSpans<Collection<String>> spans = SyntaxHighlighter.of(SourceLanguage.PLAIN_TEXT).highlight("if int 42");
        assertEquals(1, spans.getSpanCount());
        assertTrue(spans.getStyleSpan(0).getStyle().isEmpty());
        assertEquals(0, SyntaxHighlighter.of(SourceLanguage.C).highlight("").length());
    }

    /** Every file of the real kernel highlights, covering its whole text, with something marked. */
    @Test
    void everyKernelSourceHighlights() throws IOException {
        Path kernel = Path.of("/work/main/kernel");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(kernel), "no kernel checkout at " + kernel);
        try (Stream<Path> files = Files.list(kernel)) {
            for (Path file : files.filter(f -> SourceLanguage.of(f).isSource()).toList()) {
                String text = Files.readString(file);
                StyleSpans<Collection<String>> spans = SyntaxHighlighter.of(SourceLanguage.of(file)).highlight(text);
                assertEquals(text.length(), spans.length(), file.toString());
                assertTrue(spans.getSpanCount() > 3, file + " has almost no highlighting");
            }
        }
    }
}
