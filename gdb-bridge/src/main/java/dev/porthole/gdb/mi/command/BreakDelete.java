package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -break-delete N}: removes a breakpoint or watchpoint. */
public final class BreakDelete extends NoResultCommand {
    public BreakDelete(int id) {
        super("-break-delete", List.of(Integer.toString(id)));
    }
}
