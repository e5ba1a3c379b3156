package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Instruction;
import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.gdb.mi.MiTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code -data-disassemble -s START -e END -- 5}: instructions with raw opcodes, grouped by source line (mode 5:
 * source-centric, with opcodes). Answer: {@code asm_insns=[src_and_asm_line={line,file,line_asm_insn=[..]},..]}
 * or, where there is no line information, plain {@code asm_insns=[{address,inst,..},..]}.
 */
public final class DataDisassemble extends MiCommand<List<Instruction>> {
    public DataDisassemble(String start, String end) {
        super("-data-disassemble", List.of("-s", start, "-e", end, "--", "5"));
    }

    @Override
    public List<Instruction> parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        List<Instruction> out = new ArrayList<>();
        var list = result.results().list("asm_insns");
        for (int i = 0; i < list.values().size(); i++) {
            MiTuple t = list.values().get(i).asTuple().orElse(MiTuple.EMPTY);
            if (t.get("line_asm_insn").isPresent()) {
                Optional<String> file = t.string("file");
                OptionalInt line = t.integer("line");
                for (MiTuple insn : t.list("line_asm_insn").tuples()) {
                    out.add(instruction(insn, file, line));
                }
            } else {
                out.add(instruction(t, Optional.empty(), OptionalInt.empty()));
            }
        }
        return out;
    }

    private static Instruction instruction(MiTuple t, Optional<String> file, OptionalInt line) {
        return new Instruction(t.address("address").orElse(0), t.string("func-name"), t.integer("offset").orElse(0),
                t.string("opcodes", ""), t.string("inst", ""), file, line);
    }
}
