package dev.porthole.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns a panicked guest's console into a backtrace with function names and source lines. The launcher reads no
 * ELF or DWARF itself, so the module that does (build-view's symbolizer, wired by the app) provides this.
 */
@FunctionalInterface
public interface PanicSymbolizer {
    /**
     * @param debugImage   the ELF with symbols (the image's debug twin)
     * @param consoleLines what the guest printed, panic report included
     * @return one line per backtrace frame, e.g. {@code #0 0x102443 fault_touch_bad_pointer+0x23 (kernel/app_fault.c:22)};
     *         empty when the console holds no panic report this symbolizer understands
     */
    List<String> describe(Path debugImage, List<String> consoleLines) throws Exception;
}
