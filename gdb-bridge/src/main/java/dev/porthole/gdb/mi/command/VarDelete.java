package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -var-delete NAME}: drops a watch and its children. */
public final class VarDelete extends NoResultCommand {
    public VarDelete(String handle) {
        super("-var-delete", List.of(handle));
    }
}
