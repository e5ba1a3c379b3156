package dev.porthole.gdb.mi.command;

import java.util.List;

/**
 * {@code -exec-interrupt}: stop a running target. gdb answers {@code ^done}; the target then reports
 * {@code *stopped,reason="signal-received",signal-name="SIGINT"}.
 */
public final class ExecInterrupt extends NoResultCommand {
    public ExecInterrupt() {
        super("-exec-interrupt", List.of());
    }
}
