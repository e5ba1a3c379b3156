package dev.porthole.gdb.mi.command;

import java.util.List;

/**
 * Base of the execution commands. gdb answers {@code ^running} at once; the motion ends later with a
 * {@code *stopped} record, which the session turns into a {@code Stopped} event.
 */
public abstract class ExecCommand extends NoResultCommand {
    protected ExecCommand(String operation, List<String> parameters) {
        super(operation, parameters);
    }
}
