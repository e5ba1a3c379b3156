package dev.porthole.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.dialog.DialogService;
import dev.porthole.app.task.FxTaskRunner;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.RecentWorkspaces;
import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open as a person meets it: a folder with an image but no porthole.json, and a porthole.json gone bad. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceOpenUiTest {
    @TempDir
    Path dir;

    private Workbench workbench;
    private final List<String> questions = new ArrayList<>();

    /** Answers every question with yes, and remembers what was asked. */
    private final DialogService yes = new DialogService() {
        @Override
        public Optional<Path> chooseFolder(String title, Path start) {
            return Optional.empty();
        }

        @Override
        public <T> Optional<T> choose(String title, String question, List<T> choices, Function<T, String> describe) {
            questions.add(question);
            return Optional.of(choices.get(0));
        }

        @Override
        public boolean confirm(String title, String question) {
            questions.add(question);
            return true;
        }

        @Override
        public void showError(String title, String message) {
            questions.add("error: " + message);
        }
    };

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage, new FxTaskRunner(), yes, new RecentWorkspaces(Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("porthole-recent-" + ProcessHandle.current().pid() + ".json")));
        Scene scene = new Scene(workbench.view(), 1200, 800);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; asked: " + questions);
        }
    }

    @Test
    void aFolderWithAUnikraftImageGetsAWorkspaceForIt() throws Exception {
        Path build = Files.createDirectories(dir.resolve("app/.unikraft/build"));
        Files.copy(SampleKernel.image(), build.resolve("helloworld_qemu-x86_64"));
        Files.copy(SampleKernel.debugImage(), build.resolve("helloworld_qemu-x86_64.dbg"));
        Path folder = dir.resolve("app");

        WaitForAsyncUtils.asyncFx(() -> workbench.open(folder)).get();
        waitFor("the new workspace", () -> workbench.workspace().get() != null);

        assertTrue(questions.get(0).contains("helloworld_qemu-x86_64"), "the offer names the image: " + questions);
        assertTrue(Files.readString(folder.resolve("porthole.json")).contains("\"debugImage\" : \".unikraft/build/helloworld_qemu-x86_64.dbg\""));
        assertEquals(folder.toRealPath(), workbench.workspace().get().root().toRealPath());
        assertEquals("pc", workbench.workspace().get().config().launch().machine(), "Unikraft images boot on pc by default");

        // Closing the window writes its layout into porthole.json at once (a background save could be cut off by exit).
        WaitForAsyncUtils.asyncFx(() -> workbench.saveWindowLayout()).get();
        String saved = Files.readString(folder.resolve("porthole.json"));
        assertTrue(saved.contains("\"dividers\"") && saved.contains("\"main\"") && saved.contains("\"width\" : 1200.0"), saved);
    }

    @Test
    void aFolderWhoseOnlyElfIsSixtyFourBitWithoutAPvhNoteIsNotOfferedAWorkspace() throws Exception {
        // The sample kernel's debug ELF: x86-64, executable, but QEMU -kernel cannot boot it.
        Path folder = Files.createDirectories(dir.resolve("app"));
        Files.copy(SampleKernel.debugImage(), Files.createDirectories(folder.resolve("build")).resolve("kernel64"));

        WaitForAsyncUtils.asyncFx(() -> workbench.open(folder)).get();
        waitFor("an answer", () -> !questions.isEmpty());

        assertEquals(1, questions.size(), "one message, no offer: " + questions);
        assertTrue(questions.get(0).startsWith("error: ") && questions.get(0).contains("no bootable image"), questions.get(0));
        assertFalse(Files.exists(folder.resolve("porthole.json")), "no workspace is made for it");
    }

    @Test
    void aCorruptPortholeJsonIsReportedWithWhereAndTheLastGoodCopyIsUsed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(folder.resolve("porthole.json"), "{ \"build\": { \"command\": \"make all\" } }");
        WaitForAsyncUtils.asyncFx(() -> workbench.open(folder)).get();
        waitFor("the workspace", () -> workbench.workspace().get() != null);

        Files.writeString(folder.resolve("porthole.json"), "{ \"build\": { \"command\": \"make\",, } }");
        WaitForAsyncUtils.asyncFx(() -> workbench.open(folder)).get();
        waitFor("the banner", () -> workbench.view().lookup("#workspace-banner") != null);
        String banner = WaitForAsyncUtils.asyncFx(() -> ((Label) ((javafx.scene.layout.HBox) workbench.view().lookup("#workspace-banner"))
                .getChildren().get(0)).getText()).get();
        assertTrue(banner.contains("line 1") && banner.contains("last good copy"), banner);
        assertEquals("make all", workbench.workspace().get().config().build().command(), "the last good copy is in use");
    }

    @Test
    void theToolbarsTooltipsNameTheirShortcutsOnceThePanelsAreMade() throws Exception {
        // The window makes them after its first frame, with the panels (see WorkbenchApplication.start).
        assertEquals(null, WaitForAsyncUtils.asyncFx(() -> workbench.view().toolbarButton(WorkbenchAction.STEP_OVER).getTooltip()).get());
        WaitForAsyncUtils.asyncFx(() -> workbench.completePanels()).get();
        assertEquals("Step Over (F10)", WaitForAsyncUtils.asyncFx(
                () -> workbench.view().toolbarButton(WorkbenchAction.STEP_OVER).getTooltip().getText()).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> workbench.view().toolbarButton(WorkbenchAction.DEBUG).getTooltip().getText()).get()
                .startsWith("Debug"), "Debug's tooltip follows Debug/Continue");
    }
}
