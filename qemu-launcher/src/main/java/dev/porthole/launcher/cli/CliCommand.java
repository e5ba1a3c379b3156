package dev.porthole.launcher.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code porthole} subcommand. Each core module implements its own (run, debug, trace, layout, build),
 * so the command is tested where its logic lives; the app's {@code Main} only dispatches by {@link #name()}.
 */
public interface CliCommand {
    /** The word after {@code porthole}: {@code run}, {@code debug}, ... */
    String name();

    /** One line for {@code porthole help}. */
    String summary();

    /** The full usage text, printed by {@code porthole NAME --help} and after a usage error. */
    String usage();

    /**
     * Runs the command. Returns the process exit status. Usage errors are thrown as {@link UsageException}
     * and turned into status 2 by the dispatcher; everything the user should read goes to {@code out} or {@code err}.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /** A command line the user got wrong: the message says what and how to fix it. */
    final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
