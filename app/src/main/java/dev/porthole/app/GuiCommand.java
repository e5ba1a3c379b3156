package dev.porthole.app;

import dev.porthole.launcher.cli.CliCommand;
import java.io.PrintStream;
import java.util.List;

/** {@code porthole gui [WORKSPACE]}: opens the workbench window. */
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
        return "usage: porthole gui [WORKSPACE]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("porthole gui: the workbench window is not built yet (issue 7); use 'porthole help' for the commands that exist");
        return 3;
    }
}
