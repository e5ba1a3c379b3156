package dev.porthole.build.elf;

/**
 * An image Porthole cannot read as ELF: not an ELF at all, truncated, or with headers that point outside
 * the file. The message names the file, says what is wrong and what to try next; it is meant to be printed
 * as is, never with a stack trace.
 */
public final class ElfFormatException extends Exception {
    public ElfFormatException(String message) {
        super(message);
    }

    public ElfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
