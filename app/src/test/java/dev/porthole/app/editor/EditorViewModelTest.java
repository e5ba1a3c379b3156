package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.task.CurrentThreadTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model alone, on the test thread: no robot, no FX thread. */
class EditorViewModelTest {
    @TempDir
    Path workspace;

    private EditorViewModel viewModel() {
        return new EditorViewModel(workspace, new CurrentThreadTaskRunner(), new BreakpointModel());
    }

    @Test
    void openingReadsAndHighlightsOnceAndSelects() throws IOException {
        Path main = Files.writeString(workspace.resolve("main.c"), "int main(void) { return 0; }\r\n");
        EditorViewModel vm = viewModel();
        SourceDocument doc = vm.open(main);
        assertEquals(SourceDocument.State.READY, doc.state());
        assertEquals("int main(void) { return 0; }\n", doc.loadedProperty().get().text(), "CRLF becomes LF");
        assertTrue(doc.loadedProperty().get().highlighting().getSpanCount() > 1);
        assertSame(doc, vm.open(workspace.resolve("./main.c")), "the same file opens one tab");
        assertEquals(1, vm.documents().size());
        assertSame(doc, vm.selectedProperty().get());
    }

    @Test
    void aMissingFileFailsWithAMessageThatSaysWhatToDo() {
        EditorViewModel vm = viewModel();
        SourceDocument doc = vm.open(workspace.resolve("nope.c"));
        assertEquals(SourceDocument.State.FAILED, doc.state());
        assertTrue(doc.failureProperty().get().contains("nope.c"), doc.failureProperty().get());
        assertTrue(doc.failureProperty().get().contains("no such file"), doc.failureProperty().get());
    }

    @Test
    void closingSelectsTheNeighbour() throws IOException {
        EditorViewModel vm = viewModel();
        SourceDocument a = vm.open(Files.writeString(workspace.resolve("a.c"), "a"));
        SourceDocument b = vm.open(Files.writeString(workspace.resolve("b.c"), "b"));
        SourceDocument c = vm.open(Files.writeString(workspace.resolve("c.c"), "c"));
        vm.selectedProperty().set(b);
        vm.close(b);
        assertEquals(List.of(a, c), vm.documents());
        assertSame(c, vm.selectedProperty().get());
    }

    @Test
    void savingWritesAtomicallyAndClearsTheDirtyMark() throws IOException {
        Path file = Files.writeString(workspace.resolve("x.c"), "old");
        EditorViewModel vm = viewModel();
        SourceDocument doc = vm.open(file);
        doc.markEdited();
        boolean[] saved = {false};
        vm.save(doc, "new text\n", () -> saved[0] = true);
        assertTrue(saved[0]);
        assertFalse(doc.isDirty());
        assertEquals("new text\n", Files.readString(file));
        try (var left = Files.list(workspace)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside the source");
        }
    }

    @Test
    void aFailedSaveLeavesTheFileAndSaysSo() throws IOException {
        Path file = Files.writeString(workspace.resolve("x.c"), "old");
        EditorViewModel vm = viewModel();
        SourceDocument doc = vm.open(file);
        doc.markEdited();
        Files.delete(file);
        Files.createDirectory(file); // a folder where the file was: the rename must fail
        vm.save(doc, "new", () -> { });
        assertTrue(doc.isDirty());
        assertTrue(vm.statusProperty().get().startsWith("Could not save " + file), vm.statusProperty().get());
    }

    @Test
    void theExecutionPointOpensItsFileAndHoverAsksOnlyWhileStopped() throws IOException {
        Path file = Files.writeString(workspace.resolve("k.c"), "int x;\n");
        EditorViewModel vm = viewModel();
        vm.setHoverValueProvider(expr -> CompletableFuture.completedFuture(Optional.of(expr + "=5")));
        assertEquals(Optional.empty(), vm.hoverValue("x").join(), "running: no value");
        vm.setExecutionPoint(new ExecutionPoint(file, 1));
        assertEquals(file, vm.selectedProperty().get().path());
        assertEquals(Optional.of("x=5"), vm.hoverValue("x").join());
        vm.clearExecutionPoint();
        assertFalse(vm.isStopped());
        assertEquals(Optional.empty(), vm.hoverValue("x").join());
    }

    @Test
    void gutterTogglesUseTheDefaultKind() {
        EditorViewModel vm = viewModel();
        Path file = workspace.resolve("k.c");
        vm.hardwareBreakpointsByDefaultProperty().set(true);
        assertTrue(vm.toggleBreakpoint(file, 4).orElseThrow().hardware());
    }

    @Test
    void theHoverExpressionIsTheIdentifierWithItsMemberChain() {
        String line = "  d2 = compute_step(&p, dx, p->x + pt.y);";
        assertEquals(Optional.of("d2"), EditorViewModel.expressionAt(line, 3));
        assertEquals(Optional.of("compute_step"), EditorViewModel.expressionAt(line, 10));
        assertEquals(Optional.of("p->x"), EditorViewModel.expressionAt(line, line.indexOf("p->x") + 3));
        assertEquals(Optional.of("p"), EditorViewModel.expressionAt(line, line.indexOf("p->x")));
        assertEquals(Optional.of("pt.y"), EditorViewModel.expressionAt(line, line.indexOf("pt.y") + 3));
        assertEquals(Optional.empty(), EditorViewModel.expressionAt(line, 5), "on '='");
        assertEquals(Optional.empty(), EditorViewModel.expressionAt("return 0;", 2), "a keyword");
        assertEquals(Optional.empty(), EditorViewModel.expressionAt("x = 42;", 5), "a number");
        assertEquals(Optional.of("$eax"), EditorViewModel.expressionAt("  mov %eax, boot_tsc", 8), "a register, as gdb names it");
        assertEquals(Optional.of("boot_tsc"), EditorViewModel.expressionAt("  mov %eax, boot_tsc", 14));
    }

    @Test
    void theTreeHidesBuildOutputsAndListsFoldersThenSources() throws IOException {
        Files.createDirectories(workspace.resolve("build"));
        Files.createDirectories(workspace.resolve("target"));
        Files.createDirectories(workspace.resolve(".git"));
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("README.md"), "");
        Files.writeString(workspace.resolve("main.c"), "");
        Files.writeString(workspace.resolve("Makefile"), "");
        Files.writeString(workspace.resolve("main.o"), "");
        List<String> names = WorkspaceFiles.entries(workspace).stream().map(e -> e.path().getFileName().toString()).toList();
        assertEquals(List.of("src", "main.c", "Makefile", "README.md"), names);
    }

    @Test
    void aListingSaysWhichEntriesAreFoldersSoTheTreeNeedNotAsk() throws IOException {
        Files.createDirectories(workspace.resolve("src"));
        Files.createDirectories(workspace.resolve("target"));
        Files.writeString(workspace.resolve("main.c"), "");
        Files.writeString(workspace.resolve("notes.txt"), "");
        List<List<WorkspaceFiles.Entry>> delivered = new java.util.ArrayList<>();
        viewModel().listFolder(workspace, delivered::add);
        assertEquals(List.of(List.of(new WorkspaceFiles.Entry(workspace.resolve("src"), true),
                new WorkspaceFiles.Entry(workspace.resolve("main.c"), false),
                new WorkspaceFiles.Entry(workspace.resolve("notes.txt"), false))), delivered);
    }

    @Test
    void aFolderThatCannotBeListedIsShownEmptyWithTheReason() {
        List<List<WorkspaceFiles.Entry>> delivered = new java.util.ArrayList<>();
        EditorViewModel vm = viewModel();
        vm.listFolder(workspace.resolve("gone"), delivered::add);
        assertEquals(List.of(List.of()), delivered);
        assertTrue(vm.statusProperty().get().startsWith("Could not list " + workspace.resolve("gone")), vm.statusProperty().get());
    }
}
