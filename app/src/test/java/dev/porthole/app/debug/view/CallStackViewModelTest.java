package dev.porthole.app.debug.view;

import dev.porthole.gdb.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Activating a frame in the Call Stack finds its source by the rule the stop marker uses ({@link FrameSourceResolver}):
 * frames built by hand, as gdb reports them, against files in a temporary workspace. No session, no robot.
 */
class CallStackViewModelTest {
    @TempDir
    Path workspace;

    private final List<String> opened = new ArrayList<>();

    private CallStackViewModel callStack(FrameSourceResolver sources) {
        return new CallStackViewModel((file, line) -> opened.add(file + ":" + line), sources, Runnable::run);
    }

    private static Frame frame(String function, Optional<String> file, Optional<String> fullPath, int line) {
        return new Frame(1, 0x100000, function, file, fullPath, OptionalInt.of(line));
    }

    private Path source(String relative) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "int app_compute(void) { return 0; }\n");
        return file;
    }

    @Test
    void aFrameWithOnlyARelativeFileOpensItFromTheWorkspaceAsTheStopMarkerDoes() throws IOException {
        // a name no working directory of the test run has, so only the workspace root can find it
        Path file = source("apps/compute/app_compute_relative.c");
        FrameSourceResolver sources = new FrameSourceResolver(() -> Optional.of(workspace));
        CallStackViewModel model = callStack(sources);
        Frame onlyRelative = frame("app_compute", Optional.of("apps/compute/app_compute_relative.c"), Optional.empty(), 1);

        model.activate(onlyRelative);

        assertEquals(List.of(file + ":1"), opened);
        assertEquals("", model.statusProperty().get());
        assertEquals(1, model.selectedLevelProperty().get());
        // the editor's stop marker asks the same resolver: both open the file
        assertEquals(Optional.of(file), sources.sourceFileOf(onlyRelative));
    }

    @Test
    void gdbsFullPathIsUsedWhenThatFileExists() throws IOException {
        Path elsewhere = Files.createTempDirectory(workspace, "build-tree-").resolve("app_compute.c");
        Files.writeString(elsewhere, "/* the tree the image was built from */\n");
        source("app_compute.c"); // a file of the same name in the workspace does not win over gdb's full path
        CallStackViewModel model = callStack(new FrameSourceResolver(() -> Optional.of(workspace)));

        model.activate(frame("app_compute", Optional.of("app_compute.c"), Optional.of(elsewhere.toString()), 43));

        assertEquals(List.of(elsewhere + ":43"), opened);
    }

    @Test
    void aFrameWhoseSourceIsNowhereSaysSoAndOpensNothing() {
        CallStackViewModel model = callStack(new FrameSourceResolver(() -> Optional.of(workspace)));

        model.activate(frame("uk_boot_entry", Optional.of("lib/ukboot/boot.c"), Optional.of("/nonexistent/lib/ukboot/boot.c"), 199));

        assertTrue(opened.isEmpty(), opened.toString());
        assertEquals("the source lib/ukboot/boot.c of uk_boot_entry is not on this machine", model.statusProperty().get());
        assertEquals(1, model.selectedLevelProperty().get(), "its variables are still shown");
    }
}
