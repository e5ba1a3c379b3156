package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -break-disable N}: keeps the breakpoint but stops no more at it. */
public final class BreakDisable extends NoResultCommand {
    public BreakDisable(int id) {
        super("-break-disable", List.of(Integer.toString(id)));
    }
}
