package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -data-list-register-values --skip-unavailable x [N..]}: register values in hex by number (all when no
 * numbers are given). Answer: {@code register-values=[{number,value},..]}.
 */
public final class DataListRegisterValues extends MiCommand<Map<Integer, String>> {
    public DataListRegisterValues(List<Integer> numbers) {
        super("-data-list-register-values", new Params().add("--skip-unavailable", "x")
                .add(numbers.stream().map(String::valueOf).toArray(String[]::new)).build());
    }

    @Override
    public Map<Integer, String> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        Map<Integer, String> values = new LinkedHashMap<>();
        for (var t : result.results().list("register-values").tuples()) {
            values.put(t.integer("number").orElse(-1), t.string("value", ""));
        }
        return values;
    }
}
