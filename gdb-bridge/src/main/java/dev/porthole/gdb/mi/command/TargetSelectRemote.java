package dev.porthole.gdb.mi.command;

import java.time.Duration;
import java.util.List;

/**
 * {@code -target-select remote TARGET}: connect to a gdbstub. {@code TARGET} is a unix socket path or
 * {@code HOST:PORT}. gdb answers {@code ^connected} after a first {@code *stopped} for where the target is. A stub
 * that already serves another debugger queues the connection without answering, hence the timeout.
 */
public final class TargetSelectRemote extends NoResultCommand {
    public TargetSelectRemote(String target) {
        super("-target-select", List.of("remote", target));
    }

    @Override
    public java.util.Optional<Duration> timeout() {
        return java.util.Optional.of(Duration.ofSeconds(10));
    }
}
