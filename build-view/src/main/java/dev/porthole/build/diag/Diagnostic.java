package dev.porthole.build.diag;

import java.nio.file.Path;
import java.util.List;

/**
 * One problem reported by a build tool.
 *
 * @param severity     error, warning or note
 * @param tool         who said it
 * @param file         the file as the tool printed it, or null (a make or driver message with no place)
 * @param path         {@code file} resolved against the directory make was in (from "Entering directory"
 *                     lines) or the build's working directory; null when {@code file} is null
 * @param line         1-based, or 0 when unknown
 * @param column       1-based, or 0 when unknown
 * @param message      the text after {@code severity:}, without the option in brackets
 * @param option       the warning option gcc/clang names ({@code -Wunused-variable}, {@code -Werror=...}), or null
 * @param function     the enclosing function from gcc's "In function" line or ld's "in function", or null
 * @param includedFrom the include chain, innermost first ({@code inc.h:1}, {@code bad.c:1}); empty when none
 * @param excerpt      the source lines and caret gcc and clang print under it
 * @param fixIts       suggested edits ({@code -fdiagnostics-parseable-fixits} or gcc's {@code +++ |+} lines)
 * @param notes        notes that belong to this diagnostic (for a note itself: empty)
 */
public record Diagnostic(Severity severity, Tool tool, String file, Path path, int line, int column, String message, String option,
                         String function, List<String> includedFrom, List<String> excerpt, List<FixIt> fixIts, List<Diagnostic> notes) {
    /** The program that produced the line. */
    public enum Tool { COMPILER, ASSEMBLER, LINKER, MAKE }

    /**
     * A suggested edit: replace {@code [startLine:startColumn, endLine:endColumn)} with {@code text}
     * (an insertion when start equals end). Positions are 0 when gcc only showed the inserted line.
     */
    public record FixIt(String file, int startLine, int startColumn, int endLine, int endColumn, String text) {
    }

    /** {@code file:line:col: severity: message}, leaving out what is unknown, as {@code porthole build} prints it. */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(':');
            if (line > 0) {
                text.append(line).append(':');
                if (column > 0) {
                    text.append(column).append(':');
                }
            }
            text.append(' ');
        }
        text.append(severity.word()).append(": ").append(message);
        if (option != null) {
            text.append(" [").append(option).append(']');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
