package dev.porthole.app.workbench;

import java.net.URL;
import java.util.List;
import javafx.scene.Scene;

/** The panels each module contributes to the workbench, and their stylesheets: the one place they are plugged in. */
final class WorkbenchPanels {
    private static final List<String> STYLESHEETS = List.of(
            "/dev/porthole/app/console/console.css",
            "/dev/porthole/app/editor/editor.css",
            "/dev/porthole/app/debug/view/debug-panels.css",
            "/dev/porthole/trace/view/trace.css");

    private WorkbenchPanels() {
    }

    static void install(Workbench workbench) {
    }

    /** Each panel's own stylesheet, after the theme's, so the theme's colour variables reach them. */
    static void addStylesheets(Scene scene) {
        String skip = System.getProperty("porthole.experiment.skipCss", "");
        for (String path : STYLESHEETS) {
            if (!skip.isEmpty() && path.contains(skip)) {
                continue;
            }
            URL url = WorkbenchPanels.class.getResource(path);
            if (url != null) {
                scene.getStylesheets().add(url.toExternalForm());
            }
        }
    }
}
