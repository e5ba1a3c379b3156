package dev.porthole.app.workbench;

import dev.porthole.app.dialog.FxDialogService;
import dev.porthole.app.perf.FirstFrame;
import dev.porthole.app.task.FxTaskRunner;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.RecentWorkspaces;
import dev.porthole.app.workspace.SampleWorkspace;
import dev.porthole.icons.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
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
        workbench = assemble(stage);
        Scene scene = new Scene(workbench.view(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Theme.DARK.apply(scene);
        installShortcuts(scene, workbench);
        FirstFrame.watch(scene);
        stage.setScene(scene);
        stage.getIcons().add(Icons.logo());
        stage.setTitle("Porthole");
        stage.show();
        initialFolder(getParameters().getRaw()).ifPresentOrElse(workbench::open,
                () -> workbench.model().setStatus("Open a folder (Ctrl+O): no workspace was given and the sample kernel's was not found"));
    }

    /** The whole workbench, wired: used by the application and by the UI tests, which show it in their own stage. */
    public static Workbench assemble(Stage stage) {
        Workbench workbench = new Workbench(stage, new FxTaskRunner(), new FxDialogService(stage), RecentWorkspaces.userDefault());
        WorkbenchPanels.install(workbench);
        return workbench;
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
