package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -gdb-exit}: gdb detaches from the target (QEMU keeps running or stays paused) and exits. */
public final class GdbExit extends NoResultCommand {
    public GdbExit() {
        super("-gdb-exit", List.of());
    }
}
