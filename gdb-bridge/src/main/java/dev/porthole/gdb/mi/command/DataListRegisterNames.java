package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.util.List;

/**
 * {@code -data-list-register-names}: the target description's register names, indexed by register number.
 * Gaps (numbers with no register) are empty strings; keep them, the numbers matter.
 */
public final class DataListRegisterNames extends MiCommand<List<String>> {
    public DataListRegisterNames() {
        super("-data-list-register-names", List.of());
    }

    @Override
    public List<String> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        return result.results().list("register-names").strings();
    }
}
