package dev.porthole.app.debug.view;

import java.nio.file.Path;

/** Opens a source file at a line in the workbench's editor; the app implements it. */
@FunctionalInterface
public interface SourceNavigator {
    void open(Path file, int line);
}
