package dev.porthole.app;

import dev.porthole.build.cli.BuildCommand;
import dev.porthole.build.cli.LayoutCommand;
import dev.porthole.gdb.cli.DebugCommand;
import dev.porthole.app.crash.PanicBacktrace;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.cli.CliCommand;
import dev.porthole.launcher.cli.RunCommand;
import dev.porthole.trace.cli.TraceCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The subcommands, each implemented in the module that owns its logic. */
final class Commands {
    /**
     * Each command by its name, made only when it is asked for: opening the window should not first load the
     * classes of every other command (Jackson, the launcher, the gdb bridge), which costs its first frame ~40 ms.
     * The order is the order {@code porthole help} lists them in.
     */
    private static final Map<String, Supplier<CliCommand>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("gui", GuiCommand::new);
        BY_NAME.put("screenshots", ScreenshotsCommand::new);
        BY_NAME.put("run", () -> new RunCommand(new QemuLauncher(), Optional.of(PanicBacktrace::describe)));
        BY_NAME.put("debug", DebugCommand::new);
        BY_NAME.put("trace", TraceCommand::new);
        BY_NAME.put("build", BuildCommand::new);
        BY_NAME.put("layout", LayoutCommand::new);
    }

    private Commands() {
    }

    static Optional<CliCommand> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(Supplier::get);
    }

    static List<CliCommand> all() {
        return BY_NAME.values().stream().map(Supplier::get).toList();
    }
}
