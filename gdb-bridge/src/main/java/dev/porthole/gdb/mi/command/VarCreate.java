package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.util.List;

/**
 * {@code -var-create - @ EXPR}: a variable object gdb keeps for a watch expression, named by gdb
 * ({@code -}), evaluated in whatever frame is current at each update ({@code @}: a floating object, so a watch
 * follows the user through frames). Answer: {@code name,numchild,value,type,has_more}.
 */
public final class VarCreate extends MiCommand<VarObject> {
    private final String expression;

    public VarCreate(String expression) {
        super("-var-create", List.of("-", "@", expression));
        this.expression = expression;
    }

    @Override
    public VarObject parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return varObject(result.results(), expression);
    }

    static VarObject varObject(MiTuple t, String expression) {
        return new VarObject(t.require("name"), expression, t.string("value", ""), t.string("type"),
                t.integer("numchild").orElse(0), t.string("dynamic", "0").equals("1") || t.string("has_more", "0").equals("1"));
    }
}
