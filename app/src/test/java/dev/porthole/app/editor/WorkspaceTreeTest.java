package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.task.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace tree with its listings held back: the test decides when a folder's entries arrive, as a slow disk
 * would, and checks what the tree shows before and after, and that it looks at no file itself.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceTreeTest {
    @TempDir
    Path workspace;

    private final HeldListings listings = new HeldListings();
    private WorkspaceTree tree;

    /** Does each listing when asked and keeps its result until {@link #deliver}: the FX thread's turn comes later. */
    private static final class HeldListings implements TaskRunner {
        final List<Object> asked = new ArrayList<>();
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> run(String what, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
            asked.add(work);
            try {
                T result = work.call();
                held.add(() -> onDone.accept(result));
                return CompletableFuture.completedFuture(result);
            } catch (Exception e) {
                held.add(() -> onFailed.accept(e));
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void onUi(Runnable action) {
            held.add(action);
        }

        void deliver() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/serial.c"), "");
        Files.createDirectories(workspace.resolve("docs"));
        Files.createDirectories(workspace.resolve("target/classes"));
        Files.writeString(workspace.resolve("main.c"), "");
        Files.writeString(workspace.resolve("Makefile"), "");
        tree = new WorkspaceTree(new EditorViewModel(workspace, listings, new BreakpointModel()));
        stage.setScene(new Scene((javafx.scene.Parent) tree.node(), 400, 500));
        stage.show();
    }

    // Looked up in this tree only: windows other UI tests left open may show cells with the same names.
    private List<String> shown(FxRobot robot) {
        return robot.from(tree).lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(c -> (String) c.getText()).filter(Objects::nonNull).toList();
    }

    private static TreeCell<?> cell(FxRobot robot, WorkspaceTree tree, String text) {
        return robot.from(tree).lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no cell shows " + text));
    }

    private static String name(TreeItem<Path> item) {
        return item.getValue().getFileName().toString();
    }

    /** Cells change on the next pulse after the items do: wait for what the user would see (30 s at most). */
    private void waitUntilShown(FxRobot robot, String what, Predicate<List<String>> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> condition.test(shown(robot)));
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 30 s for the tree to show " + what + "; it shows " + shown(robot));
        }
    }

    @Test
    void theRootShowsLoadingUntilItsListingArrivesAndSubfoldersWaitUntilOpened(FxRobot robot) throws TimeoutException {
        assertEquals(1, listings.asked.size(), "only the open root is listed, not its subfolders");
        waitUntilShown(robot, "Loading…", cells -> cells.contains("Loading…"));

        robot.interact(listings::deliver);
        List<String> names = tree.getRoot().getChildren().stream().map(WorkspaceTreeTest::name).toList();
        assertEquals(List.of("docs", "src", "main.c", "Makefile"), names, "folders, then sources, then the rest; no target");
        waitUntilShown(robot, "the listing instead of Loading…", cells -> cells.contains("src") && !cells.contains("Loading…"));
        assertEquals(1, listings.asked.size(), "listing the root lists none of its folders");

        robot.doubleClickOn(cell(robot, tree, "src"));
        assertEquals(2, listings.asked.size(), "opening src lists it");
        robot.interact(listings::deliver);
        waitUntilShown(robot, "serial.c under src", cells -> cells.contains("serial.c"));

        TreeItem<Path> src = tree.getRoot().getChildren().get(1);
        robot.interact(() -> src.setExpanded(false));
        robot.interact(() -> src.setExpanded(true));
        assertEquals(List.of("serial.c"), src.getChildren().stream().map(WorkspaceTreeTest::name).toList());
        assertEquals(2, listings.asked.size(), "a folder opened again is not listed again");
    }

    @Test
    void aTreeListsTheWorkspaceOnlyOnceItIsInAScene(FxRobot robot) {
        // A split pane puts its sides in the scene a pulse after it joins it: files listed before then went in with
        // the whole editor, in one frame. The listing starts as the tree joins.
        HeldListings later = new HeldListings();
        WorkspaceTree[] made = new WorkspaceTree[1];
        robot.interact(() -> made[0] = new WorkspaceTree(new EditorViewModel(workspace, later, new BreakpointModel())));
        assertEquals(0, later.asked.size(), "nothing is listed for a tree in no scene");
        assertFalse(made[0].getRoot().isExpanded(), "the root opens as the tree joins a scene");

        robot.interact(() -> new Scene(new javafx.scene.layout.StackPane(made[0].node()), 200, 200));
        assertEquals(1, later.asked.size(), "the root is listed once the tree is in a scene");
        assertTrue(made[0].getRoot().isExpanded());
    }

    @Test
    void itemsAreBuiltFromTheListingNotFromTheDiskOnTheFxThread(FxRobot robot) throws IOException {
        // Between the background listing and the FX thread's turn, docs/ becomes a file. The tree shows what the
        // listing saw (a folder): it did not stat docs again on the FX thread.
        Files.delete(workspace.resolve("docs"));
        Files.writeString(workspace.resolve("docs"), "now a file");
        robot.interact(listings::deliver);
        TreeItem<Path> docs = tree.getRoot().getChildren().stream().filter(i -> name(i).equals("docs")).findFirst().orElseThrow();
        assertFalse(docs.isLeaf(), "docs is shown as the folder the listing found");
        TreeItem<Path> main = tree.getRoot().getChildren().stream().filter(i -> name(i).equals("main.c")).findFirst().orElseThrow();
        assertTrue(main.isLeaf());
    }
}
