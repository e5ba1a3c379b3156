package dev.porthole.app.editor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A breakpoint on a source line, as the user sees it in the gutter and as porthole.json stores it.
 *
 * @param file     absolute, normalized path of the source file
 * @param line     1-based line number
 * @param hardware true for a hardware breakpoint ({@code hbreak}: survives code that is not mapped yet, needed
 *                 under KVM), false for a software one ({@code break})
 * @param enabled  false keeps the breakpoint in the list but tells the debugger to ignore it
 */
public record SourceBreakpoint(Path file, int line, boolean hardware, boolean enabled) {
    public SourceBreakpoint {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("breakpoint line must be 1 or more, got " + line + " for " + file);
        }
        file = file.toAbsolutePath().normalize();
    }

    /** An enabled software breakpoint. */
    public static SourceBreakpoint software(Path file, int line) {
        return new SourceBreakpoint(file, line, false, true);
    }

    /** An enabled hardware breakpoint. */
    public static SourceBreakpoint hardware(Path file, int line) {
        return new SourceBreakpoint(file, line, true, true);
    }

    public boolean isAt(Path otherFile, int otherLine) {
        return line == otherLine && file.equals(otherFile.toAbsolutePath().normalize());
    }

    public SourceBreakpoint withHardware(boolean newHardware) {
        return new SourceBreakpoint(file, line, newHardware, enabled);
    }

    public SourceBreakpoint withEnabled(boolean newEnabled) {
        return new SourceBreakpoint(file, line, hardware, newEnabled);
    }
}
