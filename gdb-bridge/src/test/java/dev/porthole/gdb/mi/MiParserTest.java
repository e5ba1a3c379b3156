package dev.porthole.gdb.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.Instruction;
import dev.porthole.gdb.MemoryBlock;
import dev.porthole.gdb.ThreadInfo;
import dev.porthole.gdb.VarChange;
import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.mi.command.BreakWatch;
import dev.porthole.gdb.mi.command.ThreadInfoCommand;
import dev.porthole.gdb.mi.command.VarCreate;
import dev.porthole.gdb.mi.command.VarListChildren;
import dev.porthole.gdb.mi.command.VarUpdate;
import dev.porthole.gdb.mi.command.BreakInsert;
import dev.porthole.gdb.mi.command.BreakList;
import dev.porthole.gdb.mi.command.DataDisassemble;
import dev.porthole.gdb.mi.command.DataListRegisterNames;
import dev.porthole.gdb.mi.command.DataReadMemoryBytes;
import dev.porthole.gdb.mi.command.Monitor;
import dev.porthole.gdb.mi.command.StackListFrames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser on output captured from the real gdb 13 talking to QEMU's stub and the real kernel. */
class MiParserTest {

    static List<MiRecord> transcript(String name) throws IOException {
        try (InputStream in = MiParserTest.class.getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            List<MiRecord> records = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("> ")) {
                    continue; // what we sent, in transcripts written by GdbOptions.transcript
                }
                records.add(MiParser.parseStrict(line));
            }
            return records;
        }
    }

    static MiRecord.Result firstResultWith(List<MiRecord> records, String field) {
        return records.stream().filter(MiRecord.Result.class::isInstance).map(MiRecord.Result.class::cast)
                .filter(r -> r.results().get(field).isPresent()).findFirst().orElseThrow();
    }

    @Test
    void everyLineOfTheCapturedSessionsIsMi() throws IOException {
        for (String name : List.of("compute-session.mi", "fault-session.mi", "interrupt-and-varobjs.mi")) {
            for (MiRecord r : transcript(name)) {
                assertFalse(r instanceof MiRecord.Unknown, name + ": not MI: " + r);
            }
        }
    }

    @Test
    void breakpointHitCarriesTheFrameWithItsArguments() throws IOException {
        MiRecord.Async stop = transcript("compute-session.mi").stream().filter(MiRecord.Async.class::isInstance)
                .map(MiRecord.Async.class::cast).filter(a -> a.asyncClass().equals("stopped")
                        && a.results().string("reason", "").equals("breakpoint-hit")).findFirst().orElseThrow();
        assertEquals(MiRecord.AsyncKind.EXEC, stop.kind());
        assertEquals("1", stop.results().require("bkptno"));
        MiTuple frame = stop.results().tuple("frame");
        assertEquals("kmain", frame.require("func"));
        assertEquals(26, frame.integer("line").getAsInt());
        assertEquals(0x100210L, frame.address("addr").getAsLong());
        MiTuple arg = frame.list("args").tuples().get(0);
        assertEquals("mbinfo", arg.require("name"));
        assertEquals("38144", arg.require("value"));
    }

    @Test
    void hardwareBreakpointWithConditionAndTemporaryDisposition() throws IOException {
        List<MiRecord> records = transcript("compute-session.mi");
        List<MiRecord.Result> bkpts = records.stream().filter(MiRecord.Result.class::isInstance).map(MiRecord.Result.class::cast)
                .filter(r -> r.results().get("bkpt").isPresent()).toList();
        Breakpoint hw = new BreakInsert("kmain", true, false, Optional.empty(), 0, false).parseResult(bkpts.get(0), List.of());
        assertTrue(hw.hardware());
        assertEquals(1, hw.id());
        assertEquals(Optional.of("main.c"), hw.file());
        Breakpoint cond = new BreakInsert("x", false, true, Optional.of("i==3"), 0, false).parseResult(bkpts.get(1), List.of());
        assertFalse(cond.hardware());
        assertTrue(cond.temporary());
        assertEquals(Optional.of("i==3"), cond.condition());
        assertEquals("app_compute.c:42", cond.location());
    }

    @Test
    void backtraceThroughEntryAssembly() throws IOException {
        List<Frame> frames = new StackListFrames().parseResult(firstResultWith(transcript("compute-session.mi"), "stack"), List.of());
        assertEquals(List.of("kmain", "start64", "??"), frames.stream().map(Frame::function).toList());
        assertEquals(Optional.of("entry.S"), frames.get(1).file());
        assertTrue(frames.get(2).file().isEmpty());
    }

    @Test
    void registerNamesKeepTheirNumbersAcrossGaps() throws IOException {
        List<String> names = new DataListRegisterNames().parseResult(firstResultWith(transcript("compute-session.mi"),
                "register-names"), List.of());
        assertEquals("rip", names.get(16));
        assertEquals("eflags", names.get(17));
        assertTrue(names.contains("cr3") && names.contains("efer") && names.contains("fs_base"));
        assertEquals("", names.get(40)); // a gap gdb leaves in the numbering
    }

    @Test
    void memoryBytesAndDisassemblyWithSource() throws IOException {
        List<MiRecord> records = transcript("compute-session.mi");
        MemoryBlock block = new DataReadMemoryBytes("kmain", 16).parseResult(firstResultWith(records, "memory"), List.of());
        assertEquals(0x100210L, block.address());
        assertEquals("5548893df0f800004889e5e8d00e0000", block.hex());
        List<Instruction> insns = new DataDisassemble("$pc", "$pc+8").parseResult(firstResultWith(records, "asm_insns"), List.of());
        assertEquals(2, insns.size());
        assertEquals(Optional.of("main.c"), insns.get(0).file());
        assertEquals(28, insns.get(0).line().getAsInt());
        assertTrue(insns.get(0).text().startsWith("mov"));
        assertEquals("be c0 02 10 00", insns.get(0).opcodes());
    }

    @Test
    void watchpointTriggerHasOldAndNewValues() throws IOException {
        MiRecord.Async stop = transcript("compute-session.mi").stream().filter(MiRecord.Async.class::isInstance)
                .map(MiRecord.Async.class::cast).filter(a -> a.results().string("reason", "").equals("watchpoint-trigger"))
                .findFirst().orElseThrow();
        assertEquals("compute_result", stop.results().tuple("wpt").require("exp"));
        assertEquals("0", stop.results().tuple("value").require("old"));
        assertEquals("1", stop.results().tuple("value").require("new"));
    }

    @Test
    void breakpointTableListsEveryKind() throws IOException {
        List<Breakpoint> all = new BreakList().parseResult(firstResultWith(transcript("compute-session.mi"), "BreakpointTable"), List.of());
        assertEquals(3, all.size());
        assertEquals(BreakpointKind.WATCH_WRITE, all.get(2).kind());
        assertEquals("compute_result", all.get(2).location());
    }

    @Test
    void monitorTextArrivesAsTargetStreams() throws IOException {
        List<MiRecord.Stream> streams = transcript("compute-session.mi").stream().filter(MiRecord.Stream.class::isInstance)
                .map(MiRecord.Stream.class::cast).filter(s -> s.kind() == MiRecord.StreamKind.TARGET).toList();
        String text = new Monitor("info registers").parseResult(new MiRecord.Result(java.util.OptionalLong.empty(), "done",
                MiTuple.EMPTY), streams);
        assertTrue(text.startsWith("CPU#0\n"), text);
        assertTrue(text.contains("CR3=0000000000110000"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void varObjectsReadWatchpointsInterruptsAndThreads() throws IOException {
        List<MiRecord> records = transcript("interrupt-and-varobjs.mi");
        List<MiRecord.Result> results = records.stream().filter(MiRecord.Result.class::isInstance).map(MiRecord.Result.class::cast).toList();
        MiRecord.Result created = results.stream().filter(r -> r.results().string("name").isPresent()).findFirst().orElseThrow();
        VarObject p = VarCreate.floating("p").parseResult(created, List.of());
        assertEquals("var1", p.handle());
        assertEquals(Optional.of("struct point"), p.type());
        assertEquals(2, p.childCount());
        List<VarObject> members = new VarListChildren("var1").parseResult(firstResultWith(records, "children"), List.of());
        assertEquals(List.of("var1.x", "var1.y"), members.stream().map(VarObject::handle).toList());
        assertEquals(List.of("x", "y"), members.stream().map(VarObject::expression).toList());
        Breakpoint rwpt = new BreakWatch("compute_result", BreakpointKind.WATCH_READ).parseResult(firstResultWith(records, "hw-rwpt"), List.of());
        assertEquals(2, rwpt.id());
        assertEquals(BreakpointKind.WATCH_READ, rwpt.kind());
        List<MiRecord.Result> errors = results.stream().filter(MiRecord.Result::isError).toList();
        assertEquals("No symbol \"no_such_variable\" in current context.", errors.get(0).errorMessage());
        assertEquals(13, errors.get(0).token().getAsLong());
        assertEquals("Unable to read memory.", errors.get(1).errorMessage());
        MiRecord.Async interrupted = records.stream().filter(MiRecord.Async.class::isInstance).map(MiRecord.Async.class::cast)
                .filter(a -> a.results().string("reason", "").equals("signal-received")).findFirst().orElseThrow();
        assertEquals("SIGINT", interrupted.results().require("signal-name"));
        List<VarChange> changes = new VarUpdate().parseResult(firstResultWith(records, "changelist"), List.of());
        assertEquals("var1.x", changes.get(0).handle());
        assertTrue(changes.get(0).inScope());
        List<ThreadInfo> threads = new ThreadInfoCommand().parseResult(firstResultWith(records, "threads"), List.of());
        assertEquals(1, threads.size());
        assertTrue(threads.get(0).current());
        assertEquals("app_compute", threads.get(0).frame().orElseThrow().function());
    }

    @Test
    void cStringEscapes() {
        MiRecord r = MiParser.parseStrict("~\"tab\\there \\\"q\\\" back\\\\slash nl\\n oct\\033[0m \\303\\251\"");
        MiRecord.Stream s = assertInstanceOf(MiRecord.Stream.class, r);
        assertEquals("tab\there \"q\" back\\slash nl\n oct\u001b[0m \u00e9", s.text());
    }

    @Test
    void tokensErrorsAndEmptyContainers() {
        MiRecord.Result r = assertInstanceOf(MiRecord.Result.class,
                MiParser.parseStrict("42^error,msg=\"Function \\\"nosuch\\\" not defined.\""));
        assertEquals(42, r.token().getAsLong());
        assertTrue(r.isError());
        assertEquals("Function \"nosuch\" not defined.", r.errorMessage());
        MiRecord.Result empty = assertInstanceOf(MiRecord.Result.class, MiParser.parseStrict("7^done,a=[],b={},c=[[\"x\"],{}]"));
        assertTrue(empty.results().list("a").values().isEmpty());
        assertTrue(empty.results().tuple("b").isEmpty());
        assertEquals(2, empty.results().list("c").values().size());
        assertInstanceOf(MiRecord.Prompt.class, MiParser.parse("(gdb) "));
        assertInstanceOf(MiRecord.Async.class, MiParser.parse("+download,section=\".text\""));
    }

    @Test
    void brokenLinesAreReportedNotSwallowed() {
        MiFormatException e = assertThrows(MiFormatException.class, () -> MiParser.parseStrict("^done,value=\"unterminated"));
        assertTrue(e.getMessage().contains("closing"), e.getMessage());
        assertInstanceOf(MiRecord.Unknown.class, MiParser.parse("^done,value=\"unterminated"));
        assertInstanceOf(MiRecord.Unknown.class, MiParser.parse("warning: stray text from a library"));
    }

    @Test
    void parametersAreQuotedOnlyWhenNeeded() {
        assertEquals("kmain", MiCommand.quote("kmain"));
        assertEquals("\"i == 3\"", MiCommand.quote("i == 3"));
        assertEquals("\"monitor info \\\"x\\\"\"", MiCommand.quote("monitor info \"x\""));
        assertEquals("12-break-insert -h -c \"i == 3\" app_compute.c:42",
                new BreakInsert("app_compute.c:42", true, false, Optional.of("i == 3"), 0, false).render(12));
    }
}
