package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-next}: run to the next source line in this frame, stepping over calls. */
public final class ExecNext extends ExecCommand {
    public ExecNext() {
        super("-exec-next", List.of());
    }
}
