package dev.porthole.build.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.diag.DiagnosticsParser;
import dev.porthole.build.layout.SizeNode;
import dev.porthole.kernel.SampleKernel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The views build, lay out and draw under Monocle (headless), on the real kernel image; each is saved
 * as a PNG in target/view-snapshots/ for a look. Clicks are simulated through the same hit tests the
 * mouse handlers use, not a robot.
 */
class ViewSmokeTest {
    private static final Path SNAPSHOTS = Path.of("target/view-snapshots");

    @BeforeAll
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Files.createDirectories(SNAPSHOTS);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    static void render(Parent view, String name) throws Exception {
        WritableImage image = onFx(() -> {
            Scene scene = view.getScene() != null ? view.getScene() : new Scene(view, 1200, 800);
            view.applyCss();
            view.layout();
            return scene.snapshot(null);
        });
        PixelReader pixels = image.getPixelReader();
        BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", SNAPSHOTS.resolve(name + ".png").toFile());
    }

    @Test
    void layoutViewDrawsTheKernel() throws Exception {
        LayoutViewModel model = new LayoutViewModel(ViewThreads.sameThread());
        LayoutView view = onFx(() -> {
            model.load(SampleKernel.debugImage());
            return new LayoutView(model);
        });
        render(view, "layout");
        onFx(() -> {
            assertEquals(4, view.addressBar().scale().placements().size());
            SizeNode biggest = view.treemap().nodeAt(5, 5);
            assertNotNull(biggest, "the top-left cell is the largest section");
            assertEquals(model.treemapRootProperty().get().children().get(0), biggest);
            model.zoomInto(biggest);
            view.layout();
            assertTrue(view.symbolTable().table().getItems().size() > 0);
            return null;
        });
        render(view, "layout-zoomed");
        onFx(() -> {
            // Of the three tabs' tables, only the shown one's is in the scene: the others are styled when chosen.
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) view.lookup(".tab-pane");
            assertEquals(1, view.lookupAll(".table-view").size(), "tables in the scene with Symbols shown");
            tabs.getSelectionModel().select(2);
            view.applyCss();
            assertEquals(1, view.lookupAll(".table-view").size(), "tables in the scene with the runtime map shown");
            assertTrue(view.lookupAll(".table-view").stream().noneMatch(t -> t == view.symbolTable().table()));
            return null;
        });
    }

    @Test
    void problemsAndLogViewsShowAndColourDiagnostics() throws Exception {
        String output = String.join("\n",
                "main.c: In function 'kmain':",
                "main.c:12:5: error: 'x' undeclared (first use in this function)",
                "main.c:12:5: note: each undeclared identifier is reported only once for each function it appears in",
                "main.c:3:9: warning: unused variable 'y' [-Wunused-variable]");
        List<Path> opened = new ArrayList<>();
        ProblemsViewModel problems = new ProblemsViewModel((file, line, column) -> opened.add(file));
        problems.setDiagnostics(DiagnosticsParser.parseAll(Path.of("/src"), output));
        ProblemsView problemsView = onFx(() -> new ProblemsView(problems));
        render(problemsView, "problems");
        assertEquals(3, onFx(() -> problemsView.table().getItems().size()));

        Path dir = Files.createTempDirectory("porthole-log-view-");
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": \"echo gcc -c main.c; echo 'main.c:3:9: warning: unused'; "
                + "echo 'main.c:4:1: error: boom'; exit 1\"}}");
        BuildLogViewModel log = new BuildLogViewModel(new ViewThreads(Runnable::run, Platform::runLater));
        BuildLogView logView = onFx(() -> new BuildLogView(log));
        onFx(() -> {
            log.start(dev.porthole.build.run.BuildConfig.forWorkspace(dir));
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onFx(() -> log.resultProperty().get() == null) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String text = onFx(logView::text);
        assertTrue(text.contains("main.c:4:1: error: boom"), text);
        render(logView, "build-log");
        Files.deleteIfExists(dir.resolve("porthole.json"));
        Files.deleteIfExists(dir);
    }

    @Test
    void fiveHundredLinesFromTheBuildThreadReachTheLogInOrderInOneFxTask() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fxTasks = new java.util.concurrent.atomic.AtomicInteger();
        BuildLogViewModel log = new BuildLogViewModel(new ViewThreads(Runnable::run, task -> {
            fxTasks.incrementAndGet();
            Platform.runLater(task);
        }));
        BuildLogView logView = onFx(() -> new BuildLogView(log));
        dev.porthole.build.run.BuildListener listener = log.batchingListener();
        List<String> printed = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            printed.add(i == 250 ? "main.c:250:1: error: boom" : i == 251 ? "main.c:251:1: warning: hmm" : "line " + i);
        }

        // The FX thread is busy (a layout pass, a slow handler) while the build prints: the lines wait for it together.
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread build = new Thread(() -> {
            for (int i = 0; i < printed.size(); i++) {
                listener.line(printed.get(i), java.time.Duration.ofMillis(i));
            }
            listener.finished(new dev.porthole.build.run.BuildResult(dev.porthole.build.run.BuildResult.Status.SUCCEEDED, 0,
                    java.time.Duration.ofSeconds(1), List.of(), java.util.Optional.empty(), java.util.Optional.empty(), "built"));
        }, "build-output");
        build.start();
        build.join();
        busy.countDown();

        assertEquals(String.join("\n", printed) + "\n", onFx(logView::text), "every line, in order");
        assertEquals(List.of(Styles.ERROR), List.copyOf(onFx(() -> logView.area().getStyleOfChar(249, 3))));
        assertEquals(List.of(Styles.WARNING), List.copyOf(onFx(() -> logView.area().getStyleOfChar(250, 3))));
        assertEquals(List.of(), List.copyOf(onFx(() -> logView.area().getStyleOfChar(251, 3))), "plain output stays plain");
        assertEquals("built", onFx(() -> log.statusProperty().get()));
        assertEquals(1, fxTasks.get(), "500 lines and the result cost the FX thread one task");
    }

    @Test
    void offScreenTheLogHoldsTheBuildsLinesAndPutsThemInWhenShown() throws Exception {
        BuildLogViewModel log = new BuildLogViewModel(new ViewThreads(Runnable::run, Platform::runLater));
        BuildLogView logView = onFx(() -> {
            BuildLogView v = new BuildLogView(log);
            v.setOnScreen(false);
            return v;
        });
        dev.porthole.build.run.BuildListener listener = log.batchingListener();
        listener.line("main.c:3:1: error: boom", java.time.Duration.ZERO);
        listener.line("make: *** [all] Error 1", java.time.Duration.ofMillis(1));
        listener.finished(new dev.porthole.build.run.BuildResult(dev.porthole.build.run.BuildResult.Status.FAILED, 2,
                java.time.Duration.ofSeconds(1), List.of(), java.util.Optional.empty(), java.util.Optional.empty(), "failed"));
        String expected = "main.c:3:1: error: boom\nmake: *** [all] Error 1\n";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onFx(logView::text).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(expected, onFx(logView::text), "the log has the lines");
        assertEquals("", onFx(() -> logView.area().getText()), "but its area, off screen, is not edited");

        onFx(() -> {
            logView.setOnScreen(true);
            return null;
        });
        assertEquals(expected, onFx(() -> logView.area().getText()), "shown, the area gets them in one edit");
        assertEquals(List.of(Styles.ERROR), List.copyOf(onFx(() -> logView.area().getStyleOfChar(0, 3))));
        assertEquals(expected, onFx(logView::text), "and none twice");
    }

    @Test
    void aSelectedProblemStaysSelectedWhileTheBuildReportsMore() throws Exception {
        List<dev.porthole.build.diag.Diagnostic> parsed = DiagnosticsParser.parseAll(Path.of("/src"), String.join("\n",
                "main.c:3:9: warning: unused variable 'y' [-Wunused-variable]",
                "main.c:12:5: error: 'x' undeclared (first use in this function)",
                "main.c:20:1: error: expected ';' before '}' token"));
        javafx.collections.ObservableList<dev.porthole.build.diag.Diagnostic> streamed =
                javafx.collections.FXCollections.observableArrayList(parsed.subList(0, 2));
        ProblemsViewModel problems = new ProblemsViewModel((file, line, column) -> { });
        ProblemsView view = onFx(() -> {
            problems.follow(streamed);
            return new ProblemsView(problems);
        });
        render(view, "problems-streaming");
        ProblemsViewModel.Row selected = onFx(() -> {
            view.table().getSelectionModel().select(1);
            return view.table().getSelectionModel().getSelectedItem();
        });
        assertEquals("main.c:12:5", selected.location());
        List<String> tableChanges = new ArrayList<>();
        onFx(() -> {
            view.table().getItems().addListener((javafx.collections.ListChangeListener<ProblemsViewModel.Row>) change -> {
                while (change.next()) {
                    tableChanges.add((change.wasRemoved() ? "removed " + change.getRemovedSize() + " " : "")
                            + (change.wasAdded() ? "added " + change.getAddedSize() + " at " + change.getFrom() : ""));
                }
            });
            return null;
        });

        onFx(() -> streamed.add(parsed.get(2)));
        assertEquals(3, onFx(() -> view.table().getItems().size()));
        assertEquals(List.of("added 1 at 2"), onFx(() -> List.copyOf(tableChanges)), "the table gets the new row, the others stay");
        assertEquals(selected, onFx(() -> view.table().getSelectionModel().getSelectedItem()),
                "the row the user picked is still the one selected");
        assertEquals(1, onFx(() -> view.table().getSelectionModel().getSelectedIndex()));
    }
}
