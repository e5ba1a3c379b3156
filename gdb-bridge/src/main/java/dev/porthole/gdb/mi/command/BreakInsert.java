package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;
import java.util.Optional;

/**
 * {@code -break-insert [-h] [-t] [-d] [-c COND] [-i IGNORE] LOCATION}: a code breakpoint. {@code -h} asks for a
 * hardware breakpoint (debug registers; the safe kind under KVM). Answer: {@code ^done,bkpt={...}}.
 */
public final class BreakInsert extends MiCommand<Breakpoint> {
    public BreakInsert(String location, boolean hardware, boolean temporary, Optional<String> condition, int ignoreCount,
                       boolean disabled) {
        super("-break-insert", new Params()
                .addIf(hardware, "-h")
                .addIf(temporary, "-t")
                .addIf(disabled, "-d")
                .addIf(condition.isPresent(), "-c", condition.orElse(""))
                .addIf(ignoreCount > 0, "-i", Integer.toString(ignoreCount))
                .add(location)
                .build());
    }

    @Override
    public Breakpoint parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return MiResults.breakpoint(result.results().tuple("bkpt"));
    }
}
