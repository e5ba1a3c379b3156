package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-step}: run to the next source line, entering calls. */
public final class ExecStep extends ExecCommand {
    public ExecStep() {
        super("-exec-step", List.of());
    }
}
