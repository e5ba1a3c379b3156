package dev.porthole.build.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.DiagnosticsParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The diagnostics parser under arbitrary build output. Regression seeds (captured gcc, as, ld and make
 * output, clang-format text, coloured output) live in
 * src/test/resources/dev/porthole/build/fuzz/DiagnosticsParserFuzzTestInputs/buildOutput/. Whatever the
 * text, the parser returns well-formed diagnostics and never throws.
 */
class DiagnosticsParserFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void buildOutput(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(Path.of("/src"), text);
        for (Diagnostic diagnostic : diagnostics) {
            check(diagnostic);
            diagnostic.notes().forEach(DiagnosticsParserFuzzTest::check);
        }
    }

    private static void check(Diagnostic diagnostic) {
        if (diagnostic.message() == null || diagnostic.severity() == null || diagnostic.line() < 0 || diagnostic.column() < 0) {
            throw new AssertionError("malformed diagnostic: " + diagnostic);
        }
        if (diagnostic.file() == null && diagnostic.path() != null) {
            throw new AssertionError("a path without a file: " + diagnostic);
        }
        diagnostic.format();
    }
}
