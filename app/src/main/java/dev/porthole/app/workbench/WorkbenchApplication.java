package dev.porthole.app.workbench;

import dev.porthole.app.dialog.FxDialogService;
import dev.porthole.app.perf.FirstFrame;
import dev.porthole.app.perf.Preload;
import dev.porthole.app.task.FxTaskRunner;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.RecentWorkspaces;
import dev.porthole.app.workspace.SampleWorkspace;
import dev.porthole.icons.DrawnFrame;
import dev.porthole.icons.FrameSteps;
import dev.porthole.icons.Icons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window, the workbench in it. Opens the folder given on the command line, else the
 * sample kernel's workspace ({@code kernel/} of the source tree).
 */
public final class WorkbenchApplication extends Application {
    static final double DEFAULT_WIDTH = 1500;
    static final double DEFAULT_HEIGHT = 950;

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = show(stage, DEFAULT_HEIGHT, initialFolder(getParameters().getRaw()), () -> { });
    }

    /**
     * Shows the workbench in {@code stage} in stages, so it appears quickly and never freezes on its way up: first
     * its frame (menus, toolbar, every panel's tab, status bar); then, after that first frame and one per frame
     * ({@link FrameSteps}), the panels' contents and the workspace. RichTextFX, the debugger panels and the timeline
     * are the bulk of the classes and styling a cold start pays for. The screenshot tour starts the window this way
     * too, with {@code afterFirstFrame} starting its watchdog, so it measures what a person gets.
     */
    static Workbench show(Stage stage, double height, Optional<Path> folder, Runnable afterFirstFrame) {
        Preload.start();
        Workbench workbench = newWorkbench(stage);
        WorkbenchPanels panels = new WorkbenchPanels(workbench);
        Scene scene = new Scene(workbench.view(), DEFAULT_WIDTH, height);
        Theme.DARK.apply(scene);
        installShortcuts(scene, workbench);
        FirstFrame.watch(scene, workbench.workspace());
        stage.setScene(scene);
        stage.getIcons().add(Icons.logo());
        stage.setTitle("Porthole");
        DrawnFrame.afterNextPulse(scene, () -> Platform.runLater(() -> {
            afterFirstFrame.run();
            // The panels come once the first frame is drawn: made while the renderer draws it, the first of them
            // would wait for the renderer in its own frame, one block of 90-130 ms (the software renderer).
            DrawnFrame.thenRun(() -> fill(scene, workbench, panels, folder));
        }));
        // The window starts with no text field focused. Else JavaFX focuses the first one, the toolbar's app= box,
        // where a key typed at once would edit the guest's command line, and whose caret needs a frame right after
        // the first: that frame waited 70-120 ms for the software renderer to draw the first.
        scene.getRoot().requestFocus();
        stage.show();
        return workbench;
    }

    /** The panels' contents, one step a frame, then the workspace. */
    private static void fill(Scene scene, Workbench workbench, WorkbenchPanels panels, Optional<Path> folder) {
        List<Runnable> steps = new ArrayList<>(workbench.panelSteps());
        steps.addAll(panels.installSteps());
        steps.add(() -> {
            FirstFrame.panelsFilled(scene);
            folder.ifPresentOrElse(workbench::open, () -> workbench.model().setStatus(
                    "Open a folder (Ctrl+O): no workspace was given and the sample kernel's was not found"));
        });
        FrameSteps.run(scene, steps);
    }

    /** The whole workbench, wired: used by the UI tests, which show it in their own stage. */
    public static Workbench assemble(Stage stage) {
        Workbench workbench = newWorkbench(stage);
        WorkbenchPanels panels = new WorkbenchPanels(workbench);
        workbench.completePanels();
        panels.install();
        return workbench;
    }

    private static Workbench newWorkbench(Stage stage) {
        // The workspace may choose the light theme once it is read; until then the window is dark.
        Theme.installForControls();
        return new Workbench(stage, new FxTaskRunner(), new FxDialogService(stage), RecentWorkspaces.userDefault());
    }

    static void installShortcuts(Scene scene, Workbench workbench) {
        // Menu accelerators work while the menu bar is in the scene; F-keys are also bound here so they work
        // wherever focus is, including inside the code editor, which consumes some keys itself.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            for (WorkbenchAction action : WorkbenchAction.values()) {
                if (action != WorkbenchAction.CONTINUE && action.shortcut().match(e)) {
                    workbench.model().perform(action);
                    e.consume();
                    return;
                }
            }
        });
    }

    static Optional<Path> initialFolder(List<String> args) {
        if (!args.isEmpty()) {
            return Optional.of(Path.of(args.get(0)).toAbsolutePath());
        }
        return SampleWorkspace.folder();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
    }
}
