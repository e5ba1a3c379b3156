package dev.porthole.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.console.LogLevel;
import dev.porthole.app.perf.FxThreadWatchdog;
import dev.porthole.app.runs.RunSummary;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.view.ProblemsViewModel;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.SampleWorkspace;
import dev.porthole.app.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench driven as a person drives it: keys and clicks on the real window, a real build with make, the real
 * kernel under real QEMU and gdb. Each test opens its own copy of the sample workspace, so breaking the build or
 * adding breakpoints never touches the source tree.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchUiTest {
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static Path workspaceCopy;
    private static FxThreadWatchdog watchdog;

    private Workbench workbench;

    @BeforeAll
    static void copySampleWorkspace() throws IOException {
        Path sample = SampleWorkspace.folder().orElseThrow(() -> new IllegalStateException("kernel/ with porthole.json not found"));
        workspaceCopy = Files.createTempDirectory("porthole-ui-");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : files.filter(p -> !p.toString().contains("/target") && !p.toString().contains("/runs")
                    && !p.toString().contains("/src/") && !p.startsWith(sample.resolve("build"))).toList()) {
                Path to = workspaceCopy.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @AfterAll
    static void report() throws IOException {
        System.out.printf("porthole-ui: the FX thread was blocked at most %.1f ms over %d probes during the UI tests%n%s%n",
                watchdog.maxBlockedMillis(), watchdog.samples(), watchdog.longestBlockStack());
        watchdog.close();
        try (Stream<Path> files = Files.walk(workspaceCopy)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        if (watchdog == null) {
            watchdog = new FxThreadWatchdog(10); // needs the toolkit, which is up by now
        }
        workbench = WorkbenchApplication.assemble(stage);
        Scene scene = new Scene(workbench.view(), 1400, 900);
        Theme.DARK.apply(scene);
        WorkbenchApplication.installShortcuts(scene, workbench);
        stage.setScene(scene);
        stage.show();
        workbench.open(workspaceCopy);
    }

    @AfterEach
    void stopGuest() throws Exception {
        workbench.workflow().stop().get(20, TimeUnit.SECONDS);
    }

    private void waitFor(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: " + onFx(() -> workbench.model().statusText().get()), e);
        }
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }

    private void waitForWorkspace() throws Exception {
        waitFor("the workspace to open", Duration.ofSeconds(30), () -> workbench.workspace().get() != null);
    }

    private void setApp(FxRobot robot, String append) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> workbench.view().lookup("#app-selector")).get();
        onFx(() -> {
            ((javafx.scene.control.ComboBox<?>) workbench.view().lookup("#app-selector")).getEditor().setText(append);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> box = (javafx.scene.control.ComboBox<String>) workbench.view().lookup("#app-selector");
            box.setValue(append);
            return null;
        });
        waitFor("the command line to be saved", Duration.ofSeconds(10),
                () -> workbench.workspace().get().config().launch().append().equals(append));
    }

    @Test
    @Order(1)
    void debugStopsInKmainAndStepOverMovesTheMarkerThenContinueRunsToTheEnd(FxRobot robot) throws Exception {
        waitForWorkspace();
        setApp(robot, "app=hello");
        Path mainC = workspaceCopy.resolve("main.c").toRealPath();

        robot.push(KeyCode.F5);
        waitFor("the stop in kmain", BOOT, () -> workbench.model().state().get() == GuestState.STOPPED);
        waitFor("the editor to mark the stopped line in main.c", Duration.ofSeconds(20), () -> currentLine(mainC) > 0);
        String stackText = PanelText.of(workbench.view().debugTabs(), "tab-call-stack");
        assertTrue(stackText.contains("kmain"), "the call stack shows kmain: " + stackText);
        String registersText = PanelText.of(workbench.view().debugTabs(), "tab-registers");
        assertTrue(registersText.contains("rip"), "the registers show rip: " + registersText);

        Thread.sleep(500); // the page around the stopped line unfolds over a few frames
        double scrollY = onFx(() -> workbench.editor().codeArea(mainC).orElseThrow().getEstimatedScrollY());
        for (int step = 1; step <= 2; step++) {
            int before = onFx(() -> currentLine(mainC));
            robot.push(KeyCode.F10);
            waitFor("step over to move the marker", BOOT, () -> workbench.model().state().get() == GuestState.STOPPED
                    && currentLine(mainC) > before);
            Thread.sleep(300);
            // A step to a line in view leaves the text where it is, to the pixel.
            assertEquals(scrollY, onFx(() -> workbench.editor().codeArea(mainC).orElseThrow().getEstimatedScrollY()), 0.5,
                    "the editor's text moved at step " + step);
        }

        robot.push(KeyCode.F5);
        waitFor("the guest to exit", BOOT, () -> workbench.model().state().get() == GuestState.EXITED);
        waitFor("hello's output in the console", Duration.ofSeconds(10),
                () -> consoleText().contains("Hello from Porthole!"));
        waitFor("the run in the Runs list", Duration.ofSeconds(10), () -> workbench.runsView().runs().stream()
                .anyMatch(r -> r.outcome().equals("exit 0")));
        RunSummary run = onFx(() -> workbench.runsView().runs().get(0));
        assertTrue(run.succeeded(), run.toString());
        // A Continue that runs the guest to its end is no problem to show: the status bar says how it exited.
        assertEquals(null, onFx(() -> workbench.view().lookup("#workspace-banner")), "no problem banner for a guest that exited");
        assertTrue(onFx(() -> workbench.model().statusText().get()).contains("exited"), onFx(() -> workbench.model().statusText().get()));
        // Its time includes the stops, which the status bar says, so that it is not taken for a boot time.
        waitFor("the run's time in the status bar", Duration.ofSeconds(10),
                () -> workbench.model().lastBootText().get().matches("last boot: \\d+ ms under the debugger \\(exit 0\\)"));
        assertTrue(run.hasTrace(), "the run recorded its boot trace");
        PanelText.of(workbench.view().bottomTabs(), "tab-trace"); // open the Trace panel, as a person would to look
        waitFor("the boot stages in the trace view", Duration.ofSeconds(20), () -> {
            java.util.List<String> names = traceEventNames();
            return names.containsAll(java.util.List.of("boot.serial", "boot.timer", "boot.vm", "app.hello"));
        });
        java.util.List<String> names = onFx(this::traceEventNames);
        assertEquals(1, java.util.Collections.frequency(names, "boot.timer"), "each boot stage once in the live trace: " + names);
    }

    /** The names of the events the trace timeline holds (call on the FX thread). */
    private java.util.List<String> traceEventNames() {
        var pane = (dev.porthole.trace.view.TraceWorkbenchPane) workbench.view().lookup("." + dev.porthole.trace.view.TraceWorkbenchPane.STYLE_CLASS);
        var trace = pane == null ? null : pane.getTimeline().getModel().getTrace();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int e = 0; trace != null && e < trace.eventCount(); e++) {
            names.add(trace.name(e));
        }
        return names;
    }

    /** What the console area shows now (call on the FX thread). */
    private String consoleText() {
        return workbench.consoleView().textArea().getText();
    }

    private int currentLine(Path file) {
        int lines = workbench.editor().codeArea(file).map(a -> a.getParagraphs().size()).orElse(0);
        for (int line = 1; line <= lines; line++) {
            if (workbench.editor().isMarkedCurrent(file, line)) {
                return line;
            }
        }
        return -1;
    }

    @Test
    @Order(2)
    void aPanickingGuestShowsTheCrashWithTheFaultingFunctionAndLine(FxRobot robot) throws Exception {
        waitForWorkspace();
        setApp(robot, "app=fault");
        robot.press(KeyCode.CONTROL).push(KeyCode.F5).release(KeyCode.CONTROL);
        waitFor("the panic", BOOT, () -> workbench.model().state().get() == GuestState.PANICKED);
        waitFor("the crash view", Duration.ofSeconds(20), () -> workbench.view().lookup("#crash-where") != null);
        String where = onFx(() -> ((javafx.scene.control.Label) workbench.view().lookup("#crash-where")).getText());
        assertTrue(where.contains("fault_touch_bad_pointer"), where);
        assertTrue(where.matches(".*app_fault\\.c:\\d+.*"), where);
        String title = onFx(() -> ((javafx.scene.control.Label) workbench.view().lookup("#crash-title")).getText());
        assertTrue(title.contains("page fault") && title.contains("vector 14"), title);
        waitFor("the run's time in the status bar", Duration.ofSeconds(10),
                () -> workbench.model().lastBootText().get().matches("last boot: \\d+ ms \\(.+\\)"));
    }

    @Test
    @Order(3)
    void aGuestThatPanicsUnderTheDebuggerIsLeftPausedWithTheCrashShown(FxRobot robot) throws Exception {
        waitForWorkspace();
        setApp(robot, "app=fault");
        // No user breakpoints: Debug runs to kmain first, then Continue runs into the fault.
        robot.push(KeyCode.F5);
        waitFor("the stop in kmain", BOOT, () -> workbench.model().state().get() == GuestState.STOPPED);
        robot.push(KeyCode.F5);
        waitFor("the crash view", BOOT, () -> workbench.view().lookup("#crash-where") != null);
        assertEquals(GuestState.STOPPED, onFx(() -> workbench.model().state().get()), "paused for inspection, not exited");
        assertTrue(onFx(() -> workbench.workflow().guest().orElseThrow().isAlive()), "QEMU is still there");
        String stack = PanelText.of(workbench.view().debugTabs(), "tab-call-stack");
        assertTrue(stack.contains("fault_touch_bad_pointer"), "the call stack reaches the faulting function: " + stack);
    }

    @Test
    @Order(4)
    void aBrokenBuildListsTheProblemAndActivatingItOpensTheFileAtTheLine(FxRobot robot) throws Exception {
        waitForWorkspace();
        Path broken = workspaceCopy.resolve("app_hello.c");
        String original = Files.readString(broken);
        try {
            Files.writeString(broken, original.replaceFirst("return EXIT_OK;", "return EXIT_OK  /* missing semicolon */\n}\nint broken_here(void) { return undeclared_name; }"));
            robot.press(KeyCode.CONTROL).push(KeyCode.B).release(KeyCode.CONTROL);
            waitFor("the build to fail with an error listed", BOOT, () -> workbench.problems().rows().stream()
                    .anyMatch(r -> r.diagnostic().severity() == Severity.ERROR) && workbench.model().state().get() != GuestState.BUILDING);
            ProblemsViewModel.Row problem = onFx(() -> workbench.problems().rows().stream()
                    .filter(r -> r.diagnostic().severity() == Severity.ERROR).findFirst().orElseThrow());
            assertEquals(broken.toRealPath(), problem.diagnostic().path().toRealPath());
            assertTrue(problem.diagnostic().line() > 0);
            assertTrue(onFx(() -> workbench.problems().activate(problem)), "activating the problem opens it");
            waitFor("the editor at the problem's line", Duration.ofSeconds(10), () -> workbench.editor().codeArea(broken)
                    .map(a -> a.getCurrentParagraph() + 1 == problem.diagnostic().line()).orElse(false));
        } finally {
            Files.writeString(broken, original);
        }
    }

    @Test
    @Order(5)
    void theConsoleLevelFilterHidesAndShowsLines(FxRobot robot) throws Exception {
        waitForWorkspace();
        onFx(() -> {
            workbench.console().append(System.nanoTime(), "[    0.000001] Info: [libkvmplat] <setup.c @  489> Memory region");
            workbench.console().append(System.nanoTime(), "[    0.000002] ERR:  [libukboot] <boot.c @  100> Something failed");
            workbench.console().append(System.nanoTime(), "Hello from Porthole!");
            return null;
        });
        workbench.console().flush().get(10, TimeUnit.SECONDS);
        waitFor("the three lines", Duration.ofSeconds(10), () -> consoleText().contains("Memory region"));
        onFx(() -> {
            workbench.console().levelShownProperty(LogLevel.INFO).set(false);
            return null;
        });
        workbench.console().flush().get(10, TimeUnit.SECONDS);
        waitFor("Info lines hidden", Duration.ofSeconds(10), () -> !consoleText().contains("Memory region")
                && consoleText().contains("Something failed"));
        onFx(() -> {
            workbench.console().levelShownProperty(LogLevel.INFO).set(true);
            return null;
        });
        workbench.console().flush().get(10, TimeUnit.SECONDS);
        waitFor("Info lines shown again", Duration.ofSeconds(10), () -> consoleText().contains("Memory region"));
        assertFalse(onFx(this::consoleText).isEmpty());

        // A gutter breakpoint is kept in porthole.json (written atomically), and removing it removes it there.
        Path mainC = workspaceCopy.resolve("main.c");
        Path config = workspaceCopy.resolve("porthole.json");
        onFx(() -> workbench.editor().viewModel().breakpoints().toggle(mainC, 30, true));
        waitFor("the breakpoint in porthole.json", Duration.ofSeconds(10),
                () -> Files.readString(config).matches("(?s).*\"file\" : \"main.c\",\\s*\"line\" : 30,\\s*\"hardware\" : true.*"));
        onFx(() -> workbench.editor().viewModel().breakpoints().toggle(mainC, 30, true));
        waitFor("the breakpoint gone from porthole.json", Duration.ofSeconds(10), () -> !Files.readString(config).contains("\"line\" : 30"));
        assertNotNull(workbench.workspace().get());
        Workspace ws = workbench.workspace().get();
        assertEquals(workspaceCopy.toRealPath(), ws.root().toRealPath());
    }

    @Test
    @Order(6)
    void aPastRunsTraceOpensAndTwoRunsCompare(FxRobot robot) throws Exception {
        waitForWorkspace();
        // The earlier tests left runs behind, each with its trace.
        waitFor("two runs with traces", Duration.ofSeconds(10),
                () -> workbench.runsView().runs().stream().filter(RunSummary::hasTrace).count() >= 2);
        PanelText.of(workbench.view().bottomTabs(), "tab-runs");
        javafx.scene.control.TableView<RunSummary> table = onFx(() -> robot.lookup("#runs-table").<javafx.scene.control.TableView<RunSummary>>query());
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            int first = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).hasTrace()) {
                    if (first < 0) {
                        first = i;
                        table.getSelectionModel().select(i);
                    } else {
                        table.getSelectionModel().select(i);
                        break;
                    }
                }
            }
            return null;
        });
        robot.clickOn("#runs-compare");
        javafx.scene.control.Tab traceTab = onFx(() -> workbench.view().bottomTabs().getTabs().stream()
                .filter(t -> "tab-trace".equals(t.getId())).findFirst().orElseThrow());
        waitFor("the diff of the two runs", Duration.ofSeconds(30), () -> workbench.view().panelOf(traceTab).orElse(null) instanceof dev.porthole.trace.view.TraceWorkbenchPane pane
                && pane.modeProperty().get() == dev.porthole.trace.view.TraceWorkbenchPane.Mode.DIFF
                && !pane.getDiffView().getTable().getItems().isEmpty());
        dev.porthole.trace.view.TraceWorkbenchPane pane = onFx(() -> (dev.porthole.trace.view.TraceWorkbenchPane) workbench.view().panelOf(traceTab).orElseThrow());
        assertTrue(onFx(() -> pane.getDiffView().getTable().getItems().stream().anyMatch(r -> r.name().equals("boot.timer"))),
                "the diff lists the boot stages");

        PanelText.of(workbench.view().bottomTabs(), "tab-runs");
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).hasTrace()) {
                    table.getSelectionModel().select(i);
                    break;
                }
            }
            return null;
        });
        robot.clickOn("#runs-open");
        waitFor("the run's trace and phase table", Duration.ofSeconds(30), () -> pane.modeProperty().get() == dev.porthole.trace.view.TraceWorkbenchPane.Mode.SINGLE
                && pane.getPhaseTable().getTable().getItems().stream().anyMatch(p -> p.name().equals("boot.timer")));
    }

    @Test
    @Order(7)
    void onlyTheSelectedPanelOfATabPaneIsInTheScene() throws Exception {
        waitForWorkspace();
        javafx.scene.control.TabPane tabs = workbench.view().bottomTabs();
        for (javafx.scene.control.Tab tab : onFx(() -> List.copyOf(tabs.getTabs()))) {
            PanelText.of(tabs, tab.getId());
            List<String> inScene = onFx(() -> tabs.getTabs().stream()
                    .filter(t -> workbench.view().panelOf(t).map(javafx.scene.Node::getScene).isPresent()).map(javafx.scene.control.Tab::getId).toList());
            assertEquals(List.of(tab.getId()), inScene, "with " + tab.getId() + " selected, the panels in the scene");
        }
    }
}
