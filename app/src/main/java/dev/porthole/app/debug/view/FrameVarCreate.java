package dev.porthole.app.debug.view;

import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;

import java.util.List;

/**
 * {@code -var-create --thread T --frame N - * EXPR}: a variable object bound to frame N, for the Variables panel of
 * an outer frame. {@code DebugSession.createWatch} makes floating objects (evaluated in whichever frame is current),
 * right for watches but wrong for the locals of frame 2. Answer: {@code name,numchild,value,type,has_more}.
 * TODO(gdb-bridge): move into gdb-bridge as {@code createWatch(expression, frameLevel)}.
 */
final class FrameVarCreate extends MiCommand<VarObject> {
    private final String expression;

    FrameVarCreate(String threadId, int frameLevel, String expression) {
        super("-var-create", List.of("--thread", threadId, "--frame", Integer.toString(frameLevel), "-", "*", expression));
        this.expression = expression;
    }

    @Override
    public VarObject parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        MiTuple t = result.results();
        return new VarObject(t.require("name"), expression, t.string("value", ""), t.string("type"),
                t.integer("numchild").orElse(0), t.string("dynamic", "0").equals("1") || t.string("has_more", "0").equals("1"));
    }
}
