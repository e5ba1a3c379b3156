package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code -break-watch [-r|-a] EXPR}: stop when EXPR is written (default), read ({@code -r}) or either
 * ({@code -a}). Answer: {@code ^done,wpt={number,exp}} (or {@code hw-rwpt}/{@code hw-awpt}).
 */
public final class BreakWatch extends MiCommand<Breakpoint> {
    private final BreakpointKind kind;

    public BreakWatch(String expression, BreakpointKind kind) {
        super("-break-watch", new Params()
                .addIf(kind == BreakpointKind.WATCH_READ, "-r")
                .addIf(kind == BreakpointKind.WATCH_ACCESS, "-a")
                .add(expression)
                .build());
        if (!kind.isWatchpoint()) {
            throw new IllegalArgumentException("-break-watch needs a watchpoint kind, got " + kind);
        }
        this.kind = kind;
    }

    @Override
    public Breakpoint parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        MiTuple t = result.results().get("wpt").or(() -> result.results().get("hw-rwpt"))
                .or(() -> result.results().get("hw-awpt")).flatMap(v -> v.asTuple()).orElse(MiTuple.EMPTY);
        String expression = t.string("exp", "?");
        // gdb's answer does not say hw/sw; QEMU's stub always gives hardware watchpoints (gdb then lists "hw watchpoint")
        return new Breakpoint(t.integer("number").orElse(0), kind, true, true, false, expression, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), 0, 0);
    }
}
