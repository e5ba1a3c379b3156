package dev.porthole.gdb.mi.command;

import java.util.List;

/** {@code -gdb-set NAME VALUE}: a gdb setting, e.g. {@code architecture i386:x86-64}, {@code mi-async on}. */
public final class GdbSet extends NoResultCommand {
    public GdbSet(String name, String value) {
        super("-gdb-set", List.of(name, value));
    }
}
