package dev.porthole.build.diag;

/** How bad a diagnostic is. Fatal errors and assembler/linker errors are {@link #ERROR}. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The word gcc prints: {@code error}, {@code warning}, {@code note}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
