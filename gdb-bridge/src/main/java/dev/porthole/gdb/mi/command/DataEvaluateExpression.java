package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/** {@code -data-evaluate-expression --frame N EXPR}: EXPR's value as gdb prints it. */
public final class DataEvaluateExpression extends MiCommand<String> {
    public DataEvaluateExpression(String threadId, int frameLevel, String expression) {
        super("-data-evaluate-expression", List.of("--thread", threadId, "--frame", Integer.toString(frameLevel), expression));
    }

    @Override
    public String parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().require("value");
    }
}
