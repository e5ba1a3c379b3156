package dev.porthole.app.workbench;

import dev.porthole.app.perf.FxThreadWatchdog;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code porthole screenshots DIR}: drives the real workbench through its main scenarios on a copy of the sample
 * workspace and saves a PNG of the window after each, for the README and for looking at what a person sees.
 * Also reports the longest the FX thread was blocked during the tour.
 */
public final class ScreenshotTour extends Application {
    private static final Duration STEP = Duration.ofSeconds(120);

    private Workbench workbench;
    private Stage stage;
    /** Started once the window is up and the workspace open: the scenario, not the window's creation, is measured. */
    private volatile FxThreadWatchdog watchdog;
    private double longestBlockMillis;
    private String longestBlockStep = "";

    /** On the launcher thread: the watchdog's CPU clock loads the JVM's management library, the tour's cost, not the window's. */
    @Override
    public void init() {
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Override
    public void start(Stage primary) throws IOException {
        stage = primary;
        Path out = Path.of(getParameters().getRaw().get(0));
        Files.createDirectories(out);
        Path workspace = copySample();
        // Started as ./porthole starts the window, with the watchdog from its first frame on: the panels' and the
        // workspace's arrival are measured too.
        workbench = WorkbenchApplication.show(stage, 920, Optional.of(workspace),
                () -> watchdog = new FxThreadWatchdog(10));
        Thread tour = new Thread(() -> {
            int status = 0;
            try {
                tour(workspace, out);
                System.out.printf("porthole screenshots: FX thread blocked at most %.1f ms during the scenario after the first frame (in the step %s)%n",
                        longestBlockMillis, longestBlockStep);
            } catch (Throwable e) {
                System.err.println("porthole screenshots: the tour failed: " + e);
                e.printStackTrace();
                status = 1;
            } finally {
                if (watchdog != null) {
                    watchdog.close();
                }
                int exit = status;
                Platform.runLater(() -> {
                    workbench.shutdown();
                    Platform.exit();
                    System.exit(exit);
                });
            }
        }, "porthole-screenshot-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour(Path workspace, Path out) throws Exception {
        await("the workspace", () -> workbench.workspace().get() != null && watchdog != null);
        Thread.sleep(1000); // a person takes in the window before choosing what the guest runs
        measured("the panels and the workspace arriving");
        setApp("app=compute");
        Thread.sleep(1500);
        shot(out, "01-workbench.png");

        fx(() -> {
            workbench.model().perform(WorkbenchAction.DEBUG);
            return null;
        });
        await("the stop in kmain", () -> workbench.model().state().get() == GuestState.STOPPED);
        fx(() -> {
            workbench.workflow().runTo(workspace.resolve("app_compute.c"), lineOf(workspace.resolve("app_compute.c"), "sum +="));
            return null;
        });
        Thread.sleep(500);
        await("the stop in app_compute", () -> workbench.model().state().get() == GuestState.STOPPED);
        selectTab(workbench.view().debugTabs(), "tab-variables");
        selectTab(workbench.view().bottomTabs(), "tab-console");
        Thread.sleep(2500);
        shot(out, "02-debug-stopped.png");

        // Step Over (F10) three times, as a person walks through the loop: the debugger action done most often.
        java.util.concurrent.atomic.AtomicInteger stops = new java.util.concurrent.atomic.AtomicInteger();
        fx(() -> {
            workbench.model().state().addListener((obs, old, now) -> {
                if (now == GuestState.STOPPED) {
                    stops.incrementAndGet();
                }
            });
            return null;
        });
        for (int i = 0; i < 3; i++) {
            int before = stops.get();
            fx(() -> {
                workbench.model().perform(WorkbenchAction.STEP_OVER);
                return null;
            });
            await("step " + (i + 1), () -> stops.get() > before);
            Thread.sleep(700);
        }
        measured("three steps over");

        selectTab(workbench.view().debugTabs(), "tab-registers");
        selectTab(workbench.view().bottomTabs(), "tab-qemu-monitor");
        Thread.sleep(500);
        fx(() -> {
            workbench.view().lookupAll(".button").stream()
                    .filter(n -> n instanceof javafx.scene.control.Button b && "info registers".equals(b.getText()))
                    .findFirst().ifPresent(b -> ((javafx.scene.control.Button) b).fire());
            return null;
        });
        Thread.sleep(2000);
        shot(out, "03-registers.png");

        selectTab(workbench.view().debugTabs(), "tab-memory");
        selectTab(workbench.view().bottomTabs(), "tab-layout");
        Thread.sleep(500);
        fx(() -> {
            ((javafx.scene.control.TextField) workbench.view().lookup("#" + dev.porthole.app.debug.view.MemoryView.ADDRESS_FIELD_ID)).setText("&trace_ring");
            ((javafx.scene.control.Button) workbench.view().lookup("#" + dev.porthole.app.debug.view.MemoryView.GO_BUTTON_ID)).fire();
            return null;
        });
        Thread.sleep(2500);
        shot(out, "04-memory-layout.png");

        fx(() -> {
            workbench.model().perform(WorkbenchAction.STOP);
            return null;
        });
        await("the guest to stop", () -> !workbench.model().state().get().hasGuest());
        setApp("app=hello");
        int runsBefore = fx(() -> workbench.runsView().runs().size());
        fx(() -> {
            workbench.model().perform(WorkbenchAction.RUN);
            return null;
        });
        // The state was already EXITED (the stopped session): wait for the new run to be listed.
        await("hello to exit", () -> workbench.model().state().get() == GuestState.EXITED && workbench.runsView().runs().size() > runsBefore);
        selectTab(workbench.view().bottomTabs(), "tab-trace");
        selectTab(workbench.view().debugTabs(), "tab-call-stack");
        // Drag the divider up, as a person would to see the guest's lanes under the host's.
        fx(() -> {
            workbench.view().splitPanes().get(WorkbenchView.MAIN_SPLIT).setDividerPositions(0.3);
            return null;
        });
        Thread.sleep(3000);
        shot(out, "05-trace.png");
        fx(() -> {
            workbench.view().splitPanes().get(WorkbenchView.MAIN_SPLIT).setDividerPositions(0.64);
            return null;
        });

        setApp("app=fault");
        fx(() -> {
            workbench.model().perform(WorkbenchAction.RUN);
            return null;
        });
        await("the panic", () -> workbench.model().state().get() == GuestState.PANICKED);
        Thread.sleep(2500);
        shot(out, "06-crash.png");

        selectTab(workbench.view().bottomTabs(), "tab-runs");
        Thread.sleep(1000);
        measured("the Runs tab shown");
        fx(() -> {
            workbench.applyTheme(stage.getScene(), Theme.LIGHT);
            return null;
        });
        Thread.sleep(2500);
        shot(out, "07-light-runs.png");
    }

    private void setApp(String append) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> box = (ComboBox<String>) workbench.view().lookup("#app-selector");
            box.setValue(append);
            return null;
        });
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no line with '" + text + "' in " + file);
    }

    /**
     * Clicks a tab, then waits as long as a person takes to move to the next thing: two tabs selected in one go would
     * be shown in one frame, which no one clicking can do.
     */
    private void selectTab(TabPane tabs, String id) throws Exception {
        measured("before the " + id + " click");
        fx(() -> {
            for (Tab tab : tabs.getTabs()) {
                if (id.equals(tab.getId())) {
                    tabs.getSelectionModel().select(tab);
                }
            }
            return null;
        });
        Thread.sleep(300);
        measured(id + " shown");
    }

    private void shot(Path out, String name) throws Exception {
        measured("before " + name);
        // The snapshot renders the window on the FX thread: the tour's own work, not the workbench's, so not counted.
        WritableImage image = watchdog == null ? fx(() -> stage.getScene().snapshot(null))
                : watchdog.unmeasured(() -> fx(() -> stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name).toFile());
        System.out.println("porthole screenshots: " + out.resolve(name));
    }

    /** Reports the step just done: the FX thread's longest block and its CPU time; then counts afresh. */
    private void measured(String step) {
        if (watchdog != null) {
            // Each step's worst block, then a fresh count: which step (which panel first shown) costs the most.
            double stepMax = watchdog.maxBlockedMillis();
            System.out.printf("porthole screenshots: step %s: FX thread blocked at most %.1f ms, busy %.0f ms of CPU%n",
                    step, stepMax, watchdog.fxCpuMillisSinceReset());
            if (Boolean.getBoolean("porthole.watchdog.stacks") && !watchdog.longestBlockStack().isEmpty()) {
                System.out.print(watchdog.longestBlockStack());
            }
            if (stepMax > longestBlockMillis) {
                longestBlockMillis = stepMax;
                longestBlockStep = step;
            }
            watchdog.reset();
        }
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what + "; status: " + fx(() -> workbench.model().statusText().get()));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** A copy of kernel/ without its build output, so the tour builds it and never edits the real porthole.json. */
    private static Path copySample() throws IOException {
        Path sample = SampleWorkspace.folder().orElseThrow(() -> new IllegalStateException(
                "the sample kernel's workspace (kernel/porthole.json) was not found; run from the Porthole source tree"));
        Path copy = Files.createTempDirectory("porthole-tour-").resolve("kernel");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : files.toList()) {
                String relative = sample.relativize(from).toString();
                if (relative.startsWith("build") || relative.startsWith("runs") || relative.startsWith("target") || relative.startsWith("src")) {
                    continue;
                }
                Path to = copy.resolve(relative);
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }
}
