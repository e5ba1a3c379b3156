package dev.porthole.app;

import dev.porthole.build.cli.BuildCommand;
import dev.porthole.build.cli.LayoutCommand;
import dev.porthole.gdb.cli.DebugCommand;
import dev.porthole.app.crash.PanicBacktrace;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.cli.CliCommand;
import dev.porthole.launcher.cli.RunCommand;
import dev.porthole.trace.cli.TraceCommand;
import java.util.List;
import java.util.Optional;

/** The subcommands, each implemented in the module that owns its logic. */
final class Commands {
    private Commands() {
    }

    static List<CliCommand> all() {
        return List.of(new GuiCommand(), new ScreenshotsCommand(),
                new RunCommand(new QemuLauncher(), Optional.of(PanicBacktrace::describe)), new DebugCommand(), new TraceCommand(), new BuildCommand(), new LayoutCommand());
    }
}
