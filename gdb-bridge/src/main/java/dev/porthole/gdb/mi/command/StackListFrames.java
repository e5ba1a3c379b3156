package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Frame;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/** {@code -stack-list-frames}: the backtrace, innermost first, from {@code stack=[frame={..},..]}. */
public final class StackListFrames extends MiCommand<List<Frame>> {
    public StackListFrames() {
        super("-stack-list-frames", List.of());
    }

    @Override
    public List<Frame> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().list("stack").tuples().stream().map(MiResults::frame).toList();
    }
}
