package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-next-instruction}: one machine instruction, stepping over calls. */
public final class ExecNextInstruction extends ExecCommand {
    public ExecNextInstruction() {
        super("-exec-next-instruction", List.of());
    }
}
