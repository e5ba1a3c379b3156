package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.Locale;

/** The languages the editor highlights, chosen from a file's name. */
public enum SourceLanguage {
    C("C"),
    ASSEMBLY("x86 assembly (AT&T)"),
    LINKER_SCRIPT("GNU ld script"),
    MAKEFILE("Makefile"),
    PLAIN_TEXT("Plain text");

    private final String displayName;

    SourceLanguage(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The language of a file from its name alone; {@link #PLAIN_TEXT} for anything unknown. */
    public static SourceLanguage of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return PLAIN_TEXT;
        }
        String fileName = name.toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.equals("makefile") || lower.equals("gnumakefile") || lower.endsWith(".mk")) {
            return MAKEFILE;
        }
        if (lower.endsWith(".c") || lower.endsWith(".h")) {
            return C;
        }
        // .S is assembly run through cpp; .s plain assembly; .asm what many projects call either.
        if (lower.endsWith(".s") || lower.endsWith(".asm")) {
            return ASSEMBLY;
        }
        if (lower.endsWith(".ld") || lower.endsWith(".lds")) {
            return LINKER_SCRIPT;
        }
        return PLAIN_TEXT;
    }

    /** True for files the workspace tree shows as sources rather than as other files. */
    public boolean isSource() {
        return this != PLAIN_TEXT;
    }
}
