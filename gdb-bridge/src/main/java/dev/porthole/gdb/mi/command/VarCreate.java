package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.util.List;

/**
 * {@code -var-create}: a variable object gdb keeps for an expression, named by gdb ({@code -}). Two kinds:
 * <ul>
 *   <li>{@link #floating}: {@code -var-create - @ EXPR}, evaluated in whatever frame is current at each update, so a
 *       watch follows the user through frames;
 *   <li>{@link #inFrame}: {@code -var-create --thread T --frame N - * EXPR}, evaluated in frame N of thread T and
 *       bound to that frame ({@code *} is the frame {@code --frame} selected), so a local of an outer frame shows
 *       that frame's value, not the innermost frame's.
 * </ul>
 * Answer: {@code name,numchild,value,type,has_more}.
 */
public final class VarCreate extends MiCommand<VarObject> {
    private final String expression;

    private VarCreate(List<String> parameters, String expression) {
        super("-var-create", parameters);
        this.expression = expression;
    }

    /** A watch that follows the current frame. */
    public static VarCreate floating(String expression) {
        return new VarCreate(List.of("-", "@", expression), expression);
    }

    /** An object bound to the frame at {@code frameLevel} (0 = innermost) of thread {@code threadId}. */
    public static VarCreate inFrame(String expression, String threadId, int frameLevel) {
        return new VarCreate(List.of("--thread", threadId, "--frame", Integer.toString(frameLevel), "-", "*", expression),
                expression);
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
