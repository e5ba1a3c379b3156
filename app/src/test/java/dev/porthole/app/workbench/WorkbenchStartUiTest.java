package dev.porthole.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.console.ConsoleView;
import dev.porthole.app.workspace.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as ./porthole starts it: its frame first, then panels and workspace a frame at a time, ending whole. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStartUiTest {
    @TempDir
    static Path dir;

    private Workbench workbench;
    private final AtomicReference<String> atFirstFrame = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        Path sample = SampleWorkspace.folder().orElseThrow(() -> new IllegalStateException("kernel/ with porthole.json not found"));
        Path copy = dir.resolve("kernel");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(sample)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Files.copy(from, copy.resolve(from.getFileName()));
            }
        }
        workbench = WorkbenchApplication.show(stage, 800, Optional.of(copy), () -> atFirstFrame.set(
                "console " + (workbench.consoleView() == null ? "not made" : "made")
                        + ", workspace " + (workbench.workspace().get() == null ? "not open" : "open")));
    }

    @Test
    void theFrameComesFirstAndThePanelsAndWorkspaceAFrameAtATimeAfterIt() throws Exception {
        Path main = dir.resolve("kernel/main.c").toAbsolutePath().normalize();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> workbench.workspace().get() != null
                && workbench.editor().codeArea(main).map(CodeArea::isEditable).orElse(false)).get());

        // The file tree comes a frame after the editor, its rows a few a frame: all of them in the end.
        long files;
        try (Stream<Path> listed = Files.list(dir.resolve("kernel"))) {
            files = listed.count();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            var tree = (javafx.scene.control.TreeView<?>) workbench.view().lookup(".tree-view");
            return tree != null && tree.getScene() != null && tree.getRoot().getChildren().size() == files;
        }).get());

        assertEquals("console not made, workspace not open", atFirstFrame.get());
        WaitForAsyncUtils.asyncFx(() -> {
            ConsoleView console = workbench.consoleView();
            assertNotNull(console.getScene(), "the console is shown");
            assertNotNull(console.lookup("#" + ConsoleView.ID_SEARCH_FIELD), "with its toolbar");
            var debugPanel = workbench.view().panelOf(workbench.view().debugTabs().getSelectionModel().getSelectedItem()).orElse(null);
            assertNotNull(debugPanel, "a debugger panel is in its tab");
            assertNotNull(debugPanel.getScene(), "and shown");
            assertEquals(Files.readString(main), workbench.editor().codeArea(main).orElseThrow().getText());
            assertTrue(workbench.view().getScene().getWindow().isShowing());
            assertNull(workbench.view().lookup("#workspace-banner"), "no warning for the sample's porthole.json");
            // Keys typed at once must not edit the guest's command line in the toolbar's app= box.
            javafx.scene.Node focused = workbench.view().getScene().getFocusOwner();
            assertFalse(focused instanceof javafx.scene.control.TextInputControl || focused instanceof javafx.scene.control.ComboBox,
                    "no text field has the focus at start, but " + focused + " has");
            return null;
        }).get(10, TimeUnit.SECONDS);
    }
}
