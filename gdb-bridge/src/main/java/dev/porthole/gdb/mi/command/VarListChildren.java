package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/**
 * {@code -var-list-children --simple-values NAME}: the members of a struct (or elements of an array) watched
 * by NAME, each a variable object of its own ({@code var1.x}). Answer: {@code children=[child={..},..]}.
 */
public final class VarListChildren extends MiCommand<List<VarObject>> {
    public VarListChildren(String handle) {
        super("-var-list-children", List.of("--simple-values", handle));
    }

    @Override
    public List<VarObject> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().list("children").tuples().stream()
                .map(t -> VarCreate.varObject(t, t.string("exp", t.require("name"))))
                .toList();
    }
}
