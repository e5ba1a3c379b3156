package dev.porthole.app;

import dev.porthole.app.workbench.ScreenshotTour;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.application.Application;

/** {@code porthole screenshots DIR}: tours the workbench's main scenarios and saves a PNG of each (needs a display: ./porthole screenshots starts Xvfb). */
final class ScreenshotsCommand implements CliCommand {
    @Override
    public String name() {
        return "screenshots";
    }

    @Override
    public String summary() {
        return "drive the workbench through its main scenarios, save PNGs (./porthole screenshots runs it under Xvfb)";
    }

    @Override
    public String usage() {
        return "usage: porthole screenshots [DIR]   (default DIR: docs/screenshots)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positionals = CliArgs.parse(args, Set.of(), Set.of()).positionals(1, "at most one output folder");
        Path dir = Path.of(positionals.isEmpty() ? "docs/screenshots" : positionals.get(0)).toAbsolutePath();
        if (System.getenv("DISPLAY") == null) {
            err.println("porthole screenshots: no display; run './porthole screenshots', which starts a virtual one (Xvfb)");
            return 2;
        }
        Application.launch(ScreenshotTour.class, dir.toString());
        return 0;
    }
}
