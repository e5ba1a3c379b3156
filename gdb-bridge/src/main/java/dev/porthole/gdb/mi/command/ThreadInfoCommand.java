package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.ThreadInfo;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.util.List;
import java.util.Optional;

/** {@code -thread-info}: the target's threads (one per virtual CPU under QEMU) and the current one. */
public final class ThreadInfoCommand extends MiCommand<List<ThreadInfo>> {
    public ThreadInfoCommand() {
        super("-thread-info", List.of());
    }

    @Override
    public List<ThreadInfo> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        String current = result.results().string("current-thread-id", "");
        return result.results().list("threads").tuples().stream().map(t -> {
            MiTuple frame = t.tuple("frame");
            return new ThreadInfo(t.string("id", "?"), t.string("target-id", t.string("name", "")), t.string("state", "?"),
                    frame.isEmpty() ? Optional.empty() : Optional.of(MiResults.frame(frame)), t.string("id", "").equals(current));
        }).toList();
    }
}
