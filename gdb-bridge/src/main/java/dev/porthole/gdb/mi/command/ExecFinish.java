package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-finish}: run until the selected frame returns (stop reason function-finished). */
public final class ExecFinish extends ExecCommand {
    public ExecFinish() {
        super("-exec-finish", List.of());
    }
}
