package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Variable;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/**
 * {@code -stack-list-variables --frame N --simple-values}: locals and arguments of frame N. Simple values give
 * scalars their value and every variable its type; structs and arrays come without a value (expand them with a
 * var object). Answer: {@code variables=[{name,arg?,type,value?},..]}.
 */
public final class StackListVariables extends MiCommand<List<Variable>> {
    public StackListVariables(String threadId, int frameLevel) {
        super("-stack-list-variables", List.of("--thread", threadId, "--frame", Integer.toString(frameLevel), "--simple-values"));
    }

    @Override
    public List<Variable> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().list("variables").tuples().stream()
                .map(t -> new Variable(t.require("name"), t.string("value", "{...}"), t.string("type"),
                        t.string("arg", "0").equals("1")))
                .toList();
    }
}
