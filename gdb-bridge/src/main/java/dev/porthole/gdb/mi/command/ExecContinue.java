package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -exec-continue}: continue until a breakpoint, a watchpoint or an interrupt. */
public final class ExecContinue extends ExecCommand {
    public ExecContinue() {
        super("-exec-continue", List.of());
    }
}
