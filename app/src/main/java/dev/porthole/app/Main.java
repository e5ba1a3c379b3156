package dev.porthole.app;

import dev.porthole.launcher.cli.CliCommand;
import dev.porthole.launcher.cli.CliCommand.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code porthole} command line. Not a JavaFX class on purpose: on the plain classpath a class that
 * extends {@code Application} cannot be the main class, and the CLI commands must run with no display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Every subcommand, in the order {@code porthole help} lists them. */
    static Map<String, CliCommand> commands() {
        Map<String, CliCommand> commands = new LinkedHashMap<>();
        for (CliCommand command : Commands.all()) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String name = args.isEmpty() ? "gui" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            out.print(help());
            return 0;
        }
        CliCommand command = Commands.named(name).orElse(null);
        if (command == null) {
            err.println("porthole: unknown command '" + name + "'");
            err.print(help());
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        try {
            return command.run(new ArrayList<>(rest), out, err);
        } catch (UsageException e) {
            err.println("porthole " + name + ": " + e.getMessage());
            err.println(command.usage());
            return 2;
        } catch (Exception e) {
            // The last line of defence: one clear sentence, never a bare stack trace.
            err.println("porthole " + name + ": " + describe(e));
            return 1;
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return (message == null || message.isBlank()) ? e.getClass().getSimpleName() : message;
    }

    static String help() {
        StringBuilder text = new StringBuilder("usage: porthole [COMMAND] [ARGS]\n\n");
        text.append(String.format("  %-12s %s%n", "(none)", "open the workbench on the sample kernel"));
        text.append(String.format("  %-12s %s%n", "test", "run the whole test suite (./porthole test)"));
        for (CliCommand command : commands().values()) {
            text.append(String.format("  %-12s %s%n", command.name(), command.summary()));
        }
        text.append("\n'porthole COMMAND --help' shows a command's options; --json makes any command machine-readable.\n");
        return text.toString();
    }
}
