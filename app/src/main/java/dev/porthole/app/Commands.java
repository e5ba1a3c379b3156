package dev.porthole.app;

import dev.porthole.launcher.cli.CliCommand;
import java.util.List;

/** The subcommands, each implemented in the module that owns its logic. */
final class Commands {
    private Commands() {
    }

    static List<CliCommand> all() {
        return List.of(new GuiCommand());
    }
}
