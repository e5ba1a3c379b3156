package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/** Base of commands whose answer carries nothing but success ({@code ^done}, {@code ^running}, {@code ^connected}). */
public abstract class NoResultCommand extends MiCommand<Void> {
    protected NoResultCommand(String operation, List<String> parameters) {
        super(operation, parameters);
    }

    @Override
    public Void parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return null;
    }
}
