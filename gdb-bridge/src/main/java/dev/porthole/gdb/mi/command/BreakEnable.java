package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -break-enable N}. */
public final class BreakEnable extends NoResultCommand {
    public BreakEnable(int id) {
        super("-break-enable", List.of(Integer.toString(id)));
    }
}
