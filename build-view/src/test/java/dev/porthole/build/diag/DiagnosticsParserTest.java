package dev.porthole.build.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.diag.Diagnostic.Tool;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser on output captured from the real gcc, as, ld and make of this machine, building sources
 * broken on purpose; clang is not installed here, so its test reads text in clang's documented format.
 */
class DiagnosticsParserTest {
    /** Runs a command in {@code dir} and returns stdout and stderr merged, as a build log shows them. */
    static String capture(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        process.waitFor();
        return out.toString(StandardCharsets.UTF_8);
    }

    static Diagnostic only(List<Diagnostic> diagnostics, Predicate<Diagnostic> which, String what) {
        List<Diagnostic> found = diagnostics.stream().filter(which).toList();
        assertEquals(1, found.size(), what + " in " + diagnostics);
        return found.get(0);
    }

    static void writeBrokenCompile(Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.c"), "#include \"inc.h\"\nint unused_fn(int a) {\n    int x;\n    return a + y;\n}\n"
                + "void f(void) {\n    char buf[4];\n    sprintf(buf, \"%d\", 12345);\n}\n");
        Files.writeString(dir.resolve("inc.h"), "#include \"inc2.h\"\n");
        Files.writeString(dir.resolve("inc2.h"), "int badtype = \"str\";\n");
    }

    @Test
    void gccErrorsWarningsNotesIncludeChainsAndFixIts(@TempDir Path dir) throws Exception {
        writeBrokenCompile(dir);
        String output = capture(dir, "gcc", "-Wall", "-Wextra", "-c", "bad.c", "-o", "bad.o");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(dir, output);

        Diagnostic header = only(diagnostics, d -> d.file().equals("inc2.h") && d.severity() == Severity.WARNING, "header warning");
        assertEquals(1, header.line());
        assertEquals(15, header.column());
        assertEquals("-Wint-conversion", header.option());
        assertEquals(List.of("inc.h:1", "bad.c:1"), header.includedFrom());
        assertEquals(dir.resolve("inc2.h"), header.path());

        Diagnostic undeclared = only(diagnostics, d -> d.message().contains("undeclared"), "undeclared y");
        assertEquals(Severity.ERROR, undeclared.severity());
        assertEquals(Tool.COMPILER, undeclared.tool());
        assertEquals("bad.c", undeclared.file());
        assertEquals(4, undeclared.line());
        assertEquals(16, undeclared.column());
        assertEquals("unused_fn", undeclared.function());
        assertEquals(1, undeclared.notes().size(), "gcc's 'reported only once' note belongs to it");
        assertTrue(undeclared.notes().get(0).message().contains("reported only once"));
        assertTrue(undeclared.excerpt().stream().anyMatch(l -> l.contains("return a + y;")), undeclared.excerpt().toString());

        Diagnostic unused = only(diagnostics, d -> "-Wunused-variable".equals(d.option()), "unused x");
        assertEquals(3, unused.line());
        assertEquals("unused_fn", unused.function());

        Diagnostic implicit = only(diagnostics, d -> "-Wimplicit-function-declaration".equals(d.option()), "implicit sprintf");
        assertEquals("f", implicit.function());
        Diagnostic includeNote = implicit.notes().get(0);
        assertEquals(Severity.NOTE, includeNote.severity());
        assertEquals("#include <stdio.h>", includeNote.fixIts().get(0).text());
        assertTrue(diagnostics.stream().noneMatch(d -> d.severity() == Severity.NOTE), "notes are never top level here");
        assertTrue(undeclared.format().matches("bad\\.c:4:16: error: .*y.* undeclared .*"), undeclared.format());
    }

    @Test
    void gccParseableFixItsAndWerror(@TempDir Path dir) throws Exception {
        writeBrokenCompile(dir);
        String output = capture(dir, "gcc", "-Wall", "-Werror", "-fdiagnostics-parseable-fixits", "-c", "bad.c", "-o", "bad.o");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(dir, output);
        Diagnostic implicit = only(diagnostics, d -> "-Werror=implicit-function-declaration".equals(d.option()), "implicit sprintf");
        assertEquals(Severity.ERROR, implicit.severity(), "-Werror turns it into an error");
        assertEquals("-Werror=implicit-function-declaration", implicit.option());
        Diagnostic.FixIt fix = implicit.notes().get(0).fixIts().stream().filter(f -> f.startLine() > 0).findFirst().orElseThrow();
        assertEquals(new Diagnostic.FixIt("bad.c", 2, 1, 2, 1, "#include <stdio.h>\n"), fix);
        Diagnostic cc1 = only(diagnostics, d -> d.message().contains("all warnings being treated as errors"), "cc1 summary");
        assertNull(cc1.file());
    }

    @Test
    void colouredOutputParsesTheSame(@TempDir Path dir) throws Exception {
        writeBrokenCompile(dir);
        String plain = capture(dir, "gcc", "-Wall", "-c", "bad.c", "-o", "bad.o");
        String coloured = capture(dir, "gcc", "-Wall", "-fdiagnostics-color=always", "-c", "bad.c", "-o", "bad.o");
        assertTrue(coloured.contains("\u001B["), "gcc coloured it");
        assertEquals(DiagnosticsParser.parseAll(dir, plain).stream().map(Diagnostic::format).toList(),
                DiagnosticsParser.parseAll(dir, coloured).stream().map(Diagnostic::format).toList());
    }

    @Test
    void fatalMissingHeaderAndMissingSource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc3.c"), "#include <nothere.h>\n");
        List<Diagnostic> header = DiagnosticsParser.parseAll(dir, capture(dir, "gcc", "-c", "inc3.c"));
        Diagnostic fatal = only(header, d -> true, "fatal error");
        assertEquals(Severity.ERROR, fatal.severity());
        assertEquals("inc3.c", fatal.file());
        assertEquals(1, fatal.line());
        assertEquals(10, fatal.column());

        List<Diagnostic> missing = DiagnosticsParser.parseAll(dir, capture(dir, "gcc", "-c", "nothere.c"));
        Diagnostic driver = missing.get(0);
        assertNull(driver.file());
        assertTrue(driver.message().contains("nothere.c"), driver.message());
    }

    @Test
    void linkerUndefinedAndMultipleDefinitionsThroughMake(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectory(dir.resolve("proj"));
        Files.writeString(project.resolve("link1.c"), "int dup = 1;\nvoid missing_fn(void);\nint caller(void) { missing_fn(); return 0; }\n"
                + "int main(void) { return caller(); }\n");
        Files.writeString(project.resolve("link2.c"), "int dup = 2;\n");
        Files.writeString(project.resolve("Makefile"), "all: prog\nprog: link1.o link2.o\n\tgcc -o $@ $^\n%.o: %.c\n\tgcc -c -o $@ $<\n");
        String output = capture(dir, "make", "-C", "proj");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(dir, output);

        Diagnostic undefined = only(diagnostics, d -> d.message().startsWith("undefined reference to"), "undefined reference");
        assertEquals(Tool.LINKER, undefined.tool());
        assertEquals("caller", undefined.function());
        assertEquals("undefined reference to `missing_fn'", undefined.message());
        assertEquals(project.resolve("link1.c"), undefined.path(), "resolved in the directory make entered");

        Diagnostic duplicate = only(diagnostics, d -> d.message().startsWith("multiple definition"), "multiple definition");
        assertEquals(Severity.ERROR, duplicate.severity());
        assertEquals("link2.o", duplicate.file());
        assertEquals("multiple definition of `dup'", duplicate.message());
        assertEquals("link1.o", duplicate.notes().get(0).file());
        assertEquals("first defined here", duplicate.notes().get(0).message());

        Diagnostic recipe = only(diagnostics, d -> d.tool() == Tool.MAKE, "make's failure");
        assertEquals("Makefile", recipe.file());
        assertEquals(3, recipe.line());
        assertEquals(project.resolve("Makefile"), recipe.path());
        assertTrue(recipe.message().contains("'prog'") && recipe.message().contains("Error 1"), recipe.message());
        assertTrue(diagnostics.stream().noneMatch(d -> d.message().contains("ld returned")), "collect2's summary is dropped");
    }

    @Test
    void linkerWithDebugInfoNamesTheSourceLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("link1.c"), "void missing_fn(void);\nint main(void) {\n  missing_fn();\n  return 0;\n}\n");
        String output = capture(dir, "gcc", "-g", "-o", "prog", "link1.c");
        Diagnostic undefined = only(DiagnosticsParser.parseAll(dir, output), d -> d.tool() == Tool.LINKER, "undefined reference");
        assertEquals(3, undefined.line());
        assertEquals("main", undefined.function());
        assertTrue(undefined.file().endsWith("link1.c"), undefined.file());
    }

    @Test
    void linkerSectionOverflowAndWarnings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ov.c"), "char big[8192] = {1};\nvoid _start(void) { for (;;); }\n");
        Files.writeString(dir.resolve("ov.ld"), "MEMORY { ROM (rx) : ORIGIN = 0x100000, LENGTH = 4K }\n"
                + "SECTIONS { .text : { *(.text*) } > ROM  .data : { *(.data*) } > ROM }\n");
        capture(dir, "gcc", "-c", "ov.c", "-o", "ov.o");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(dir, capture(dir, "ld", "-T", "ov.ld", "-o", "ov.elf", "ov.o"));
        Diagnostic fit = only(diagnostics, d -> d.message().contains("will not fit in region"), "section overflow");
        assertEquals(Severity.ERROR, fit.severity());
        assertEquals(Tool.LINKER, fit.tool());
        Diagnostic overflow = only(diagnostics, d -> d.message().startsWith("region `ROM' overflowed by"), "region overflow");
        assertEquals(Severity.ERROR, overflow.severity());
        List<Diagnostic> lib = DiagnosticsParser.parseAll(dir, capture(dir, "ld", "-o", "x.elf", "ov.o", "-lnothere"));
        assertTrue(only(lib, d -> true, "missing library").message().startsWith("cannot find -lnothere"));
    }

    @Test
    void assemblerErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.S"), ".text\nfoo %eax\nmovq $1, %rax\n");
        Diagnostic error = only(DiagnosticsParser.parseAll(dir, capture(dir, "gcc", "-c", "bad.S", "-o", "bad.o")), d -> true, "as error");
        assertEquals(Tool.ASSEMBLER, error.tool());
        assertEquals(Severity.ERROR, error.severity());
        assertEquals("bad.S", error.file());
        assertEquals(2, error.line());
        assertTrue(error.message().startsWith("no such instruction"), error.message());
    }

    @Test
    void makeStops(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Makefile.bad"), "all:\n\techo hi\nbroken\n");
        Files.writeString(dir.resolve("Makefile.good"), "all:\n\techo hi\n");
        Diagnostic separator = only(DiagnosticsParser.parseAll(dir, capture(dir, "make", "-f", "Makefile.bad")), d -> true, "separator");
        assertEquals("Makefile.bad", separator.file());
        assertEquals(3, separator.line());
        assertEquals("missing separator", separator.message());
        Diagnostic noRule = only(DiagnosticsParser.parseAll(dir, capture(dir, "make", "-f", "Makefile.good", "nosuch")), d -> true, "no rule");
        assertNull(noRule.file());
        assertTrue(noRule.message().startsWith("No rule to make target"), noRule.message());
    }

    @Test
    void clangFormat() {
        String output = String.join("\n",
                "In file included from bad.c:1:",
                "In file included from ./inc.h:1:",
                "./inc2.h:1:15: error: incompatible pointer to integer conversion initializing 'int' with an expression of type 'char[4]' [-Wint-conversion]",
                "int badtype = \"str\";",
                "              ^~~~~",
                "bad.c:3:9: warning: unused variable 'x' [-Wunused-variable]",
                "    int x;",
                "        ^",
                "bad.c:8:5: error: call to undeclared library function 'sprintf' with type 'int (char *, const char *, ...)'; ISO C99 and later do not support implicit function declarations [-Wimplicit-function-declaration]",
                "bad.c:8:5: note: include the header <stdio.h> or explicitly provide a declaration for 'sprintf'",
                "fix-it:\"bad.c\":{1:1-1:1}:\"#include <stdio.h>\\n\"",
                "1 warning and 2 errors generated.",
                "ld.lld: error: undefined symbol: missing_fn",
                ">>> referenced by link1.c:3",
                ">>>               link1.o:(caller)",
                "clang: error: linker command failed with exit code 1 (use -v to see invocation)");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(Path.of("/src"), output);
        assertEquals(4, diagnostics.size(), diagnostics.toString());
        assertEquals(List.of("./inc.h:1", "bad.c:1"), diagnostics.get(0).includedFrom());
        assertEquals("-Wunused-variable", diagnostics.get(1).option());
        assertEquals("#include <stdio.h>\n", diagnostics.get(2).notes().get(0).fixIts().get(0).text());
        Diagnostic lld = diagnostics.get(3);
        assertEquals("undefined symbol: missing_fn", lld.message());
        assertEquals("link1.c", lld.file());
        assertEquals(3, lld.line());
        assertEquals(Path.of("/src/link1.c"), lld.path());
    }

    @Test
    void streamingHandsOverEachDiagnosticWhenTheNextStarts() {
        DiagnosticsParser parser = new DiagnosticsParser(Path.of("/src"));
        assertEquals(List.of(), parser.accept("a.c:1:2: error: first"));
        assertEquals(List.of(), parser.accept("    1 | x"));
        assertEquals(List.of(), parser.accept("a.c:1:2: note: belongs to first"));
        List<Diagnostic> done = parser.accept("a.c:5:1: warning: second [-Wfoo]");
        assertEquals(1, done.size());
        assertEquals(1, done.get(0).notes().size());
        assertEquals("a.c:5:1: warning: second [-Wfoo]", parser.finish().get(0).format());
        assertEquals(List.of(), parser.accept("ordinary output: CC kernel/main.o"));
        assertEquals(List.of(), parser.finish());
    }
}
