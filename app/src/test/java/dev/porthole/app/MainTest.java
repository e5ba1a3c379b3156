package dev.porthole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.launcher.cli.CliCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("help"));
        for (String name : Main.commands().keySet()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(name), name + " missing from help");
        }
    }

    @Test
    void eachCommandIsFiledUnderItsOwnName() {
        for (CliCommand command : Commands.all()) {
            assertEquals(command.name(), Commands.named(command.name()).orElseThrow().name());
        }
        assertEquals(Commands.all().size(), Main.commands().size(), "two commands share a name");
    }

    @Test
    void runPrintsAPanicsBacktraceWithFunctionNamesAndSourceLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs) {
        int status = run("run", "--append", "app=fault", "--runs", runs.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(dev.porthole.launcher.cli.RunCommand.STATUS_PANIC, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.matches("(?s).*#0 +0x[0-9a-f]{16} fault_touch_bad_pointer\\+0x[0-9a-f]+ \\(kernel/app_fault\\.c:\\d+\\).*"), text);
        assertTrue(text.matches("(?s).*#2 +0x[0-9a-f]{16} app_fault\\+0x[0-9a-f]+ .*"), text);
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatShowsTheCommands() {
        assertEquals(2, run("frobnicate"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown command 'frobnicate'"), text);
        assertTrue(text.contains("usage: porthole"), text);
    }
}
