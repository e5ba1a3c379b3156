package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.VarChange;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/**
 * {@code -var-update --all-values *}: re-evaluates every variable object; lists those that changed
 * ({@code changelist=[{name,value,in_scope,type_changed},..]}).
 */
public final class VarUpdate extends MiCommand<List<VarChange>> {
    public VarUpdate() {
        super("-var-update", List.of("--all-values", "*"));
    }

    @Override
    public List<VarChange> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().list("changelist").tuples().stream()
                .map(t -> new VarChange(t.require("name"), t.string("value", ""), t.string("in_scope", "true").equals("true"),
                        t.string("type_changed", "false").equals("true")))
                .toList();
    }
}
