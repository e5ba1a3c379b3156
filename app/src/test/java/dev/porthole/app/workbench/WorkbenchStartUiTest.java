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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
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
                Files.copy(from, copy.resolve(from.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

    @Test
    void everyTableColumnHasAWidthOfItsOwn() throws Exception {
        // JavaFX fits a column left at its default width (80) to its content as its table is first shown: it makes and
        // styles a cell for each of the first 30 rows, in that one frame. The Layout panel's symbol table had five
        // such columns, the Runs and Call Stack tables one each.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> workbench.workspace().get() != null).get());
        WaitForAsyncUtils.asyncFx(workbench::completePanels).get(10, TimeUnit.SECONDS);
        Set<String> atDefaultWidth = new TreeSet<>();
        int columns = 0;
        for (TabPane area : List.of(workbench.view().bottomTabs(), workbench.view().debugTabs())) {
            for (Tab panel : List.copyOf(area.getTabs())) {
                columns += WaitForAsyncUtils.asyncFx(() -> {
                    area.getSelectionModel().select(panel);
                    Node content = workbench.view().panelOf(panel).orElseThrow();
                    content.applyCss();
                    int seen = 0;
                    // Tabs inside a panel (Layout's Symbols, Diff and Runtime map) put their tables in the scene only
                    // while selected.
                    for (Node inner : content.lookupAll(".tab-pane")) {
                        for (Tab tab : ((TabPane) inner).getTabs()) {
                            ((TabPane) inner).getSelectionModel().select(tab);
                            content.applyCss();
                            seen += collectDefaultWidths(panel.getText() + " > " + tab.getText(), content, atDefaultWidth);
                        }
                    }
                    return seen + collectDefaultWidths(panel.getText(), content, atDefaultWidth);
                }).get(10, TimeUnit.SECONDS);
            }
        }
        assertTrue(columns > 20, "the panels' tables were found, " + columns + " columns");
        assertEquals(Set.of(), atDefaultWidth, "columns at JavaFX's default width, fitted to 30 rows when first shown");
    }

    private static int collectDefaultWidths(String where, Node content, Set<String> atDefaultWidth) {
        int seen = 0;
        for (Node node : content.lookupAll("*")) {
            List<? extends TableColumnBase<?, ?>> columns = node instanceof TableView<?> table ? table.getVisibleLeafColumns()
                    : node instanceof TreeTableView<?> tree ? tree.getVisibleLeafColumns() : List.of();
            for (TableColumnBase<?, ?> column : columns) {
                seen++;
                if (column.getPrefWidth() == 80) {
                    atDefaultWidth.add(where + ": " + column.getText());
                }
            }
        }
        return seen;
    }
}
