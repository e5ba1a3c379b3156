package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/** {@code -break-list}: every breakpoint and watchpoint, from {@code BreakpointTable={..,body=[bkpt={..},..]}}. */
public final class BreakList extends MiCommand<List<Breakpoint>> {
    public BreakList() {
        super("-break-list", List.of());
    }

    @Override
    public List<Breakpoint> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().tuple("BreakpointTable").list("body").tuples().stream().map(MiResults::breakpoint).toList();
    }
}
