package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/**
 * {@code -interpreter-exec console "CMD"}: a gdb CLI command with no MI twin (e.g.
 * {@code maint packet Qqemu.PhyMemMode:1}). Returns the console and target text it printed.
 */
public final class InterpreterExecConsole extends MiCommand<String> {
    public InterpreterExecConsole(String cliCommand) {
        super("-interpreter-exec", List.of("console", cliCommand));
    }

    @Override
    public String parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        StringBuilder sb = new StringBuilder();
        for (MiRecord.Stream s : streams) {
            if (s.kind() != MiRecord.StreamKind.LOG) {
                sb.append(s.text());
            }
        }
        return sb.toString();
    }
}
