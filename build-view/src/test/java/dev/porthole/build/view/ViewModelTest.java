package dev.porthole.build.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.DiagnosticsParser;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.layout.SizeNode;
import dev.porthole.build.memory.PageMapping;
import dev.porthole.build.memory.RuntimeMemoryMap;
import dev.porthole.build.memory.SectionCheck;
import dev.porthole.build.run.BuildConfig;
import dev.porthole.build.run.BuildResult;
import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view models on real builds and the real kernel image, on one thread, with no FX toolkit and no robot. */
class ViewModelTest {
    @Test
    void layoutLoadsZoomsThroughTheTreemapAndBack() {
        LayoutViewModel model = new LayoutViewModel(ViewThreads.sameThread());
        model.load(SampleKernel.debugImage());
        assertEquals("", model.errorProperty().get());
        assertTrue(model.summaryProperty().get().startsWith("porthole.dbg: "), model.summaryProperty().get());
        SizeNode root = model.treemapRootProperty().get();
        assertEquals(SizeNode.Kind.IMAGE, root.kind());
        assertEquals(List.of(root), model.breadcrumb());

        model.zoomInto(root.child(".text"));
        assertEquals(".text", model.selectedSectionProperty().get().name(), "zooming into a section selects it");
        assertTrue(model.symbols().stream().allMatch(s -> s.section().equals(".text")), "the table shows the section's symbols");
        model.zoomInto(model.treemapRootProperty().get().child("kernel"));
        model.zoomInto(model.treemapRootProperty().get().child("app_fault.c"));
        assertEquals(List.of("porthole.dbg", ".text", "kernel", "app_fault.c"), model.breadcrumb().stream().map(SizeNode::name).toList());
        SizeNode symbol = model.treemapRootProperty().get().child("fault_touch_bad_pointer");
        model.zoomInto(symbol);
        assertEquals("app_fault.c", model.treemapRootProperty().get().name(), "a symbol has nothing inside: no zoom");

        model.zoomTo(1);
        assertEquals(".text", model.treemapRootProperty().get().name());
        model.zoomTo(0);
        assertEquals(root, model.treemapRootProperty().get());
    }

    @Test
    void symbolFilterAndSectionSelection() {
        LayoutViewModel model = new LayoutViewModel(ViewThreads.sameThread());
        model.load(SampleKernel.debugImage());
        int all = model.symbols().size();
        model.symbolFilterProperty().set("FAULT");
        assertTrue(model.symbols().size() >= 3 && model.symbols().size() < all, model.symbols().toString());
        assertTrue(model.symbols().stream().allMatch(s -> s.name().toLowerCase().contains("fault")
                || s.file() != null && s.file().toLowerCase().contains("fault")));
        model.symbolFilterProperty().set("app_fault.c");
        assertTrue(model.symbols().stream().anyMatch(s -> s.name().equals("fault_touch_bad_pointer")), "matches the file too");
        model.symbolFilterProperty().set("");
        ElfSection rodata = model.layoutProperty().get().elf().section(".rodata").orElseThrow();
        model.selectSection(rodata);
        assertEquals(".rodata", model.treemapRootProperty().get().name());
        assertFalse(model.symbols().isEmpty());
        assertTrue(model.symbols().stream().allMatch(s -> s.section().equals(".rodata")));
        model.selectSection(null);
        assertEquals(all, model.symbols().size());
    }

    @Test
    void badImageIsAnErrorTextNotAnException(@TempDir Path dir) throws Exception {
        LayoutViewModel model = new LayoutViewModel(ViewThreads.sameThread());
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not an image at all, only text");
        model.load(text);
        assertTrue(model.errorProperty().get().contains("is not an ELF file"), model.errorProperty().get());
        assertNull(model.layoutProperty().get());
        assertNull(model.treemapRootProperty().get());
        model.compareWith(text);
        assertTrue(model.errorProperty().get().contains("load an image"), model.errorProperty().get());
    }

    @Test
    void diffAndRuntimeRows() throws Exception {
        LayoutViewModel model = new LayoutViewModel(ViewThreads.sameThread());
        model.load(SampleKernel.debugImage());
        model.compareWith(SampleKernel.debugImage());
        assertNotNull(model.diffProperty().get());
        assertTrue(model.diffSymbols().isEmpty());
        assertEquals(4, model.diffSections().size());

        List<ElfSection> sections = model.layoutProperty().get().allocatedSections();
        ElfSection text = sections.get(0);
        List<PageMapping> mappings = List.of(new PageMapping(text.address() & ~0xfffL, text.address() & ~0xfffL,
                (text.size() + 0xfff) & ~0xfffL, false, false, true, 4096));
        model.setRuntimeMap(new RuntimeMemoryMap(0x110000, true, true, List.of(), mappings, SectionCheck.checkAll(sections, mappings)));
        List<LayoutViewModel.RuntimeRow> rows = model.runtimeRows();
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).ok(), rows.get(0).toString());
        assertTrue(rows.get(0).runtime().startsWith("r-x 4K"), rows.get(0).runtime());
        assertFalse(rows.get(1).ok());
        assertTrue(rows.get(1).runtime().contains("not mapped"), rows.get(1).runtime());
    }

    @Test
    void problemsListNotesUnderTheirDiagnosticsFiltersAndOpensFiles() {
        String output = String.join("\n",
                "make: Entering directory '/src/kernel'",
                "main.c: In function 'kmain':",
                "main.c:12:5: error: 'x' undeclared (first use in this function)",
                "main.c:12:5: note: each undeclared identifier is reported only once for each function it appears in",
                "main.c:3:9: warning: unused variable 'y' [-Wunused-variable]",
                "make: *** No rule to make target 'clean2'.  Stop.");
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(Path.of("/src"), output);
        List<String> opened = new ArrayList<>();
        ProblemsViewModel model = new ProblemsViewModel((file, line, column) -> opened.add(file + ":" + line + ":" + column));
        model.setDiagnostics(diagnostics);
        assertEquals(4, model.rows().size());
        assertTrue(model.rows().get(1).note());
        assertEquals("main.c:12:5", model.rows().get(0).location());
        assertEquals(2, model.count(Severity.ERROR));

        assertTrue(model.activate(model.rows().get(0)));
        assertEquals(List.of("/src/kernel/main.c:12:5"), opened);
        assertFalse(model.activate(model.rows().get(3)), "make's message has no file");

        model.showErrorsProperty().set(false);
        assertEquals(1, model.rows().size(), "the note goes with its error");
        assertEquals(Severity.WARNING, model.rows().get(0).diagnostic().severity());
        model.showErrorsProperty().set(true);
        model.showNotesProperty().set(false);
        assertEquals(3, model.rows().size());
    }

    @Test
    void buildLogStreamsColouredLinesDiagnosticsAndTheResult(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": \"make\", \"image\": \"app.elf\"}}");
        Files.writeString(dir.resolve("Makefile"), "app.elf: main.c\n\tgcc -Wall -nostdlib -static -o $@ main.c\n");
        Files.writeString(dir.resolve("main.c"), "void _start(void) {\n  int unused;\n  return missing;\n}\n");
        BuildLogViewModel model = new BuildLogViewModel(ViewThreads.sameThread());
        ProblemsViewModel problems = new ProblemsViewModel((f, l, c) -> { });
        problems.follow(model.diagnostics());
        model.start(BuildConfig.forWorkspace(dir));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (model.resultProperty().get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        BuildResult result = model.resultProperty().get();
        assertNotNull(result, "the build finished");
        assertEquals(BuildResult.Status.FAILED, result.status());
        assertFalse(model.runningProperty().get());
        assertTrue(model.lines().stream().anyMatch(l -> l.severity() == Severity.ERROR && l.text().contains("main.c:3:")),
                model.lines().toString());
        assertTrue(model.lines().stream().anyMatch(l -> l.severity() == Severity.WARNING && l.text().contains("unused")));
        assertTrue(model.lines().stream().anyMatch(l -> l.severity() == null && l.text().startsWith("gcc ")), "commands stay plain");
        assertEquals(result.diagnostics(), model.diagnostics());
        assertEquals(result.diagnostics().size(), problems.rows().stream().filter(r -> !r.note()).count(), "problems follow the build");
        assertTrue(model.statusProperty().get().contains("failed"), model.statusProperty().get());
    }

    @Test
    void lineClassification() {
        assertEquals(Severity.ERROR, BuildLogViewModel.classify("main.c:3:10: error: 'missing' undeclared"));
        assertEquals(Severity.ERROR, BuildLogViewModel.classify("/usr/bin/ld: main.o: in function `f':"));
        assertEquals(Severity.ERROR, BuildLogViewModel.classify("main.c:(.text+0x5): undefined reference to `g'"));
        assertEquals(Severity.ERROR, BuildLogViewModel.classify("make: *** [Makefile:2: app.elf] Error 1"));
        assertEquals(Severity.WARNING, BuildLogViewModel.classify("main.c:2:7: warning: unused variable 'unused' [-Wunused-variable]"));
        assertEquals(Severity.WARNING, BuildLogViewModel.classify("ld: warning: app.elf has a LOAD segment with RWX permissions"));
        assertEquals(Severity.NOTE, BuildLogViewModel.classify("main.c:2:7: note: declared here"));
        assertNull(BuildLogViewModel.classify("gcc -Wall -o app.elf main.c"));
        assertNull(BuildLogViewModel.classify("    2 |   int unused;"));
    }

    /** A stand-in for the FX thread: tasks wait in a queue until the test runs them. */
    private static final class QueuedUi implements java.util.concurrent.Executor {
        final java.util.concurrent.BlockingQueue<Runnable> tasks = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger mostWaiting = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void execute(Runnable task) {
            posted.incrementAndGet();
            tasks.add(task);
            mostWaiting.accumulateAndGet(tasks.size(), Math::max);
        }

        int runAll() {
            int ran = 0;
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
                ran++;
            }
            return ran;
        }
    }

    private static List<String> numbered(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            lines.add("line " + i);
        }
        return lines;
    }

    @Test
    void buildLogLinesFromTheBuildThreadArriveInOrderInOneUiTask() throws Exception {
        QueuedUi ui = new QueuedUi();
        BuildLogViewModel model = new BuildLogViewModel(new ViewThreads(Runnable::run, ui));
        dev.porthole.build.run.BuildListener listener = model.batchingListener();
        List<Diagnostic> diagnostics = DiagnosticsParser.parseAll(Path.of("/src"),
                "main.c:3:9: warning: unused variable 'y' [-Wunused-variable]\nmain.c:12:5: error: 'x' undeclared");
        BuildResult failed = new BuildResult(BuildResult.Status.FAILED, 1, java.time.Duration.ofMillis(1500),
                diagnostics, java.util.Optional.empty(), java.util.Optional.empty(), "build failed (exit 1)");
        Thread build = new Thread(() -> {
            for (String line : numbered(1, 500)) {
                listener.line(line, java.time.Duration.ofMillis(3));
            }
            diagnostics.forEach(listener::diagnostic);
            listener.finished(failed);
        }, "build-output");
        build.start();
        build.join();

        assertEquals(1, ui.posted.get(), "one UI task for 500 lines, 2 diagnostics and the result");
        assertTrue(model.lines().isEmpty(), "nothing shows before the UI thread runs");
        assertEquals(1, ui.runAll());
        assertEquals(numbered(1, 500), model.lines().stream().map(BuildLogViewModel.LogLine::text).toList());
        assertEquals(diagnostics, model.diagnostics());
        assertEquals(failed, model.resultProperty().get());
        assertEquals(BuildLogViewModel.format(java.time.Duration.ofMillis(1500)), model.elapsedTextProperty().get(),
                "the result's time, not the last line's");

        Thread more = new Thread(() -> numbered(501, 510).forEach(line -> listener.line(line, java.time.Duration.ofMillis(4))));
        more.start();
        more.join();
        assertEquals(1, ui.runAll(), "after a drain, the next lines get a UI task of their own");
        assertEquals(510, model.lines().size());
        assertEquals("line 510", model.lines().get(509).text());
    }

    @Test
    void buildLogKeepsOrderWhileTheUiDrainsAsLinesArrive() throws Exception {
        QueuedUi ui = new QueuedUi();
        BuildLogViewModel model = new BuildLogViewModel(new ViewThreads(Runnable::run, ui));
        dev.porthole.build.run.BuildListener listener = model.batchingListener();
        BuildResult ok = new BuildResult(BuildResult.Status.SUCCEEDED, 0, java.time.Duration.ofSeconds(2),
                List.of(), java.util.Optional.empty(), java.util.Optional.empty(), "built");
        Thread build = new Thread(() -> {
            numbered(1, 5000).forEach(line -> listener.line(line, java.time.Duration.ofMillis(1)));
            listener.finished(ok);
        }, "build-output");
        build.start();
        List<Integer> sizesWhenShown = new ArrayList<>();
        while (model.resultProperty().get() == null) {
            Runnable task = ui.tasks.poll(60, TimeUnit.SECONDS);
            assertNotNull(task, "the build's lines and result reach the UI thread");
            task.run();
            sizesWhenShown.add(model.lines().size());
        }
        build.join();
        ui.runAll();
        assertEquals(numbered(1, 5000), model.lines().stream().map(BuildLogViewModel.LogLine::text).toList());
        assertEquals(5000, sizesWhenShown.get(sizesWhenShown.size() - 1), "every line is shown by the time the result is");
        assertEquals(1, ui.mostWaiting.get(), "never more than one drain waits for the UI thread");
        assertFalse(model.runningProperty().get());
    }

    @Test
    void problemsFollowingABuildAddRowsForNewDiagnosticsAndKeepTheOthers() {
        List<Diagnostic> parsed = DiagnosticsParser.parseAll(Path.of("/src"), String.join("\n",
                "main.c:3:9: warning: unused variable 'y' [-Wunused-variable]",
                "main.c:12:5: error: 'x' undeclared (first use in this function)",
                "main.c:12:5: note: each undeclared identifier is reported only once for each function it appears in",
                "main.c:20:1: error: expected ';' before '}' token"));
        assertEquals(3, parsed.size(), parsed.toString());
        javafx.collections.ObservableList<Diagnostic> streamed = javafx.collections.FXCollections.observableArrayList();
        ProblemsViewModel model = new ProblemsViewModel((f, l, c) -> { });
        model.follow(streamed);
        List<String> changes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<ProblemsViewModel.Row>) change -> {
            while (change.next()) {
                changes.add((change.wasRemoved() ? "removed " + change.getRemovedSize() + " " : "")
                        + (change.wasAdded() ? "added " + change.getAddedSize() + " at " + change.getFrom() : ""));
            }
        });

        streamed.add(parsed.get(0));
        ProblemsViewModel.Row first = model.rows().get(0);
        streamed.add(parsed.get(1));
        streamed.add(parsed.get(2));
        assertEquals(List.of("added 1 at 0", "added 2 at 1", "added 1 at 3"), changes, "each diagnostic adds its rows, nothing is redone");
        assertSame(first, model.rows().get(0), "the rows already shown stay the same rows");
        assertEquals(4, model.rows().size());
        assertTrue(model.rows().get(2).note());
        assertEquals(2, model.count(Severity.ERROR));

        model.showWarningsProperty().set(false);
        changes.clear();
        streamed.add(parsed.get(0));
        assertEquals(List.of(), changes, "a hidden warning adds no visible row");
        streamed.add(parsed.get(2));
        assertEquals(List.of("added 1 at 3"), changes);

        changes.clear();
        streamed.clear();
        assertTrue(model.rows().isEmpty(), "a new build starts with no problems");
        streamed.add(parsed.get(1));
        streamed.setAll(parsed);
        assertEquals(3, model.rows().size(), "a replaced list is followed too (the warning still hidden)");
    }
}
