package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-step-instruction}: one machine instruction. */
public final class ExecStepInstruction extends ExecCommand {
    public ExecStepInstruction() {
        super("-exec-step-instruction", List.of());
    }
}
