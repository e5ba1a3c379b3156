package dev.porthole.build.view;

import java.nio.file.Path;

/** Opens a source file at a position; the app implements it with its editor. Called on the FX thread. */
@FunctionalInterface
public interface ProblemNavigator {
    /**
     * @param line   1-based, or 0 when the problem has no line (a make or linker message about a file)
     * @param column 1-based, or 0 when unknown
     */
    void open(Path file, int line, int column);
}
