package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -target-detach}: gdb sends {@code D}; QEMU's stub then resumes the guest. */
public final class TargetDetach extends NoResultCommand {
    public TargetDetach() {
        super("-target-detach", List.of());
    }
}
