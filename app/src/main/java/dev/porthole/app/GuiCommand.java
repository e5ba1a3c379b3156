package dev.porthole.app;

import dev.porthole.app.workbench.WorkbenchApplication;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.application.Application;

/** {@code porthole gui [WORKSPACE]}: opens the workbench window (on the sample kernel's workspace by default). */
final class GuiCommand implements CliCommand {
    @Override
    public String name() {
        return "gui";
    }

    @Override
    public String summary() {
        return "open the workbench window (the default)";
    }

    @Override
    public String usage() {
        return """
                usage: porthole gui [WORKSPACE]
                  WORKSPACE  a folder with porthole.json, or one holding an image to make a workspace for
                             (default: the sample kernel's workspace, kernel/ of the source tree)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positionals = CliArgs.parse(args, Set.of(), Set.of()).positionals(1, "at most one WORKSPACE folder");
        if (!positionals.isEmpty() && !Files.isDirectory(Path.of(positionals.get(0)))) {
            throw new UsageException(positionals.get(0) + " is not a folder; give the folder that holds porthole.json or your image");
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            err.println("porthole gui: no display (DISPLAY is not set), so no window can open; run it in a desktop session or under xvfb-run");
            return 2;
        }
        Application.launch(WorkbenchApplication.class, positionals.toArray(String[]::new));
        return 0;
    }
}
