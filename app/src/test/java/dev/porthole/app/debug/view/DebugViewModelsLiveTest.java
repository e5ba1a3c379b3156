package dev.porthole.app.debug.view;

import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.Frame;
import dev.porthole.kernel.SampleKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view models against the real kernel ({@code app=compute}) under QEMU with a real gdb, stopped in
 * {@code app_compute}. No robot: what a panel would show is read from its view model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugViewModelsLiveTest {
    private LiveTarget target;
    private DebugEvent.Stopped stop;

    @BeforeAll
    void boot() throws Exception {
        target = LiveTarget.boot("compute");
        stop = target.runTo("app_compute");
        assertEquals("app_compute", stop.frame().orElseThrow().function(), "the breakpoint should stop in app_compute");
    }

    @AfterAll
    void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void callStackShowsKmainAndActivatingItOpensItsSource() throws Exception {
        QueueUi ui = new QueueUi();
        List<String> opened = new ArrayList<>();
        CallStackViewModel model = new CallStackViewModel((file, line) -> opened.add(file.getFileName() + ":" + line),
                new FrameSourceResolver(SampleKernel::sourceDir), ui);
        model.attach(target.session);
        model.onStopped(stop);
        ui.until(() -> !model.frames().isEmpty(), "frames listed");

        assertEquals("app_compute", model.frames().get(0).function());
        Frame kmain = model.frames().stream().filter(f -> f.function().equals("kmain")).findFirst()
                .orElseThrow(() -> new AssertionError("kmain missing from " + model.frames()));
        assertEquals(0, model.selectedLevelProperty().get());
        model.activate(kmain);
        assertEquals(kmain.level(), model.selectedLevelProperty().get());
        assertEquals(List.of("main.c:" + kmain.line().getAsInt()), opened);
    }

    @Test
    void registersShowRipAtThePcAndDecodeCr0() throws Exception {
        QueueUi ui = new QueueUi();
        RegistersViewModel model = new RegistersViewModel(ui);
        model.attach(target.session);
        model.onStopped(stop);
        ui.until(() -> !model.rows().isEmpty(), "registers read");

        long pc = stop.frame().orElseThrow().address();
        assertEquals(pc, model.row("rip").orElseThrow().numeric().getAsLong());
        RegistersViewModel.Row cr0 = model.row("cr0").orElseThrow(() -> new AssertionError("no cr0 in " + model.rows()));
        List<String> words = List.of(cr0.summary().split(" "));
        assertTrue(words.contains("PG") && words.contains("PE"), "CR0 in long mode has paging and protection on: " + cr0);
        assertTrue(cr0.bits().stream().anyMatch(b -> b.field().name().equals("PG") && b.set()));
        assertTrue(model.row("efer").orElseThrow().summary().contains("LMA"), "EFER.LMA is set in long mode");
        assertTrue(model.row("rflags").isPresent(), "eflags is shown as rflags");
        for (String name : List.of("rax", "r15", "cs", "ss", "fs_base", "gs_base", "cr2", "cr3", "cr4")) {
            assertTrue(model.row(name).isPresent(), name + " missing");
        }
        // the monitor's own dump agrees with gdb on rip and cr0
        String monitor = target.await(target.session.monitor("info registers"));
        assertTrue(monitor.contains(String.format("RIP=%016x", pc)), monitor);
        assertTrue(monitor.contains(String.format("CR0=%08x", cr0.numeric().getAsLong())), monitor);
    }

    @Test
    void variablesOfAppComputeIncludeAStructThatExpands() throws Exception {
        QueueUi ui = new QueueUi();
        VariablesViewModel model = new VariablesViewModel(ui);
        model.attach(target.session);
        model.onStopped(stop);
        ui.until(() -> !model.roots().isEmpty(), "variables listed");

        List<String> names = model.roots().stream().map(ValueNode::name).toList();
        assertTrue(names.containsAll(List.of("p", "rounds", "i", "sum", "dx", "dy", "d2")), names.toString());
        ValueNode p = model.roots().stream().filter(n -> n.name().equals("p")).findFirst().orElseThrow();
        assertEquals("struct point", p.typeProperty().get());
        assertTrue(p.isExpandable());
        p.expandedProperty().set(true);
        ui.until(() -> p.children().size() == 2, "p expanded");
        assertEquals(List.of("x", "y"), p.children().stream().map(ValueNode::name).toList());
        assertEquals(List.of("p.x", "p.y"), p.children().stream().map(ValueNode::path).toList());
    }

    @Test
    void choosingAnOuterFrameShowsThatFramesVariables() throws Exception {
        QueueUi ui = new QueueUi();
        VariablesViewModel model = new VariablesViewModel(ui);
        model.attach(target.session);
        model.onStopped(target.session.lastStop().orElse(stop));
        ui.until(() -> !model.roots().isEmpty(), "variables listed");
        Frame kmain = target.await(target.session.frames()).stream().filter(f -> f.function().equals("kmain")).findFirst()
                .orElseThrow(() -> new AssertionError("no kmain frame"));

        model.selectFrame(kmain.level(), kmain.function());
        ui.until(() -> model.roots().stream().anyMatch(n -> n.name().equals("mbinfo")), "kmain's variables listed");
        ValueNode mbinfo = model.roots().stream().filter(n -> n.name().equals("mbinfo")).findFirst().orElseThrow();
        assertEquals(List.of("mbinfo"), model.roots().stream().map(ValueNode::name).toList());
        // an object made in kmain's frame, not the simple value shown when making one fails
        assertTrue(mbinfo.handle().isPresent(), "mbinfo has no watch handle: " + mbinfo);
        assertEquals(target.await(target.session.evaluate("mbinfo", kmain.level())), mbinfo.value());
        ui.drain();
    }

    @Test
    void watchOnComputeResultIsMarkedChangedAfterItChanges() throws Exception {
        QueueUi ui = new QueueUi();
        WatchViewModel model = new WatchViewModel(ui);
        VariablesViewModel variables = new VariablesViewModel(ui);
        model.attach(target.session);
        variables.attach(target.session);
        model.add("compute_result");
        DebugEvent.Stopped at = target.session.lastStop().orElse(stop);
        model.onStopped(at);
        variables.onStopped(at);
        ValueNode watch = model.roots().get(0);
        ui.until(() -> watch.handle().isPresent(), "watch created");
        ui.until(() -> !variables.roots().isEmpty(), "variables listed");
        String before = watch.value();
        assertFalse(watch.isChanged(), "nothing changed yet");

        // step until the loop stores a new sum into compute_result (a few lines)
        DebugEvent.Stopped stepped = null;
        for (int i = 0; i < 30 && watch.value().equals(before); i++) {
            model.onRunning();
            variables.onRunning();
            stepped = target.await(target.session.next());
            long seen = stepped.hostNanos();
            model.onStopped(stepped);
            variables.onStopped(stepped);
            ui.until(() -> !variables.roots().isEmpty(), "variables re-read after step " + seen);
        }
        assertNotNull(stepped);
        assertFalse(watch.value().equals(before), "compute_result never changed while stepping");
        assertTrue(watch.isChanged(), "the watch is marked changed: " + watch);
        assertEquals(target.await(target.session.evaluate("compute_result", 0)), watch.value());
        // the local 'sum' changed on the line before; the Variables panel marks what differs from its previous stop
        ValueNode sum = variables.roots().stream().filter(n -> n.name().equals("sum")).findFirst().orElseThrow();
        assertEquals(watch.value(), sum.value(), "sum was just stored into compute_result");

        // one more step that does not touch it: no longer marked
        model.onRunning();
        DebugEvent.Stopped again = target.await(target.session.next());
        model.onStopped(again);
        ui.until(() -> !watch.isChanged(), "the mark goes away when the value stays");
        ui.drain();
    }

    @Test
    void memoryAtASymbolMatchesTheElfAndTheMonitor() throws Exception {
        QueueUi ui = new QueueUi();
        MemoryViewModel model = new MemoryViewModel(ui, 256);
        model.attach(target.session);
        model.onStopped(target.session.lastStop().orElse(stop));

        // const uint64 trace_ring_size = 256: in the ELF's .rodata as 00 01 00 00 00 00 00 00
        model.goTo("&trace_ring_size");
        ui.until(() -> !model.rows().isEmpty(), "memory read at &trace_ring_size");
        long symbol = address(target.await(target.session.evaluate("&trace_ring_size", 0)));
        assertEquals(symbol, model.baseAddressProperty().get());
        assertEquals("0001000000000000", HexFormat.of().formatHex(model.rows().get(0).bytes(), 0, 8));
        assertEquals(256L, model.pointerAt(symbol).getAsLong());

        model.goTo("&trace_ring");
        ui.until(() -> model.expressionProperty().get().equals("&trace_ring") && model.baseAddressProperty().get() != symbol,
                "memory read at &trace_ring");
        long ring = address(target.await(target.session.evaluate("&trace_ring", 0)));
        assertEquals(ring, model.baseAddressProperty().get());
        assertEquals(String.format("%016x", ring), model.rows().get(0).addressText());
        // QEMU reads guest-physical memory itself for xp (identity-mapped kernel): the same 16 bytes
        String xp = target.await(target.session.monitor(String.format("xp /16xb 0x%x", ring)));
        StringBuilder monitorBytes = new StringBuilder();
        Matcher m = Pattern.compile("0x([0-9a-f]{2})(?![0-9a-f])").matcher(xp.replaceAll("(?m)^[0-9a-f]+:", ""));
        while (m.find()) {
            monitorBytes.append(m.group(1));
        }
        assertEquals(monitorBytes.toString(), HexFormat.of().formatHex(model.rows().get(0).bytes()), xp);

        // following 256 as a pointer fails the honest way: nothing is mapped below 1 MiB
        model.select(symbol);
        model.followPointer();
        ui.until(() -> model.errorProperty().get(), "unmapped 0x100 reported");
        assertTrue(model.statusProperty().get().contains("0x100"), model.statusProperty().get());

        // the saved frame pointer at $rbp points into the stack: follow it
        model.goTo("$rbp");
        long rbp = address(target.await(target.session.evaluate("$rbp", 0)));
        ui.until(() -> model.baseAddressProperty().get() == rbp, "memory at $rbp");
        long saved = Long.parseUnsignedLong(target.await(target.session.evaluate("*(unsigned long *)$rbp", 0)));
        model.select(rbp);
        model.followPointer();
        ui.until(() -> model.baseAddressProperty().get() == saved, "followed the saved rbp to 0x" + Long.toHexString(saved));
        model.pageDown();
        ui.until(() -> model.baseAddressProperty().get() == saved + 256, "paged down");
        model.pageUp();
        ui.until(() -> model.baseAddressProperty().get() == saved, "paged up");
    }

    @Test
    void memoryMarksBytesChangedSinceThePreviousStop() throws Exception {
        QueueUi ui = new QueueUi();
        MemoryViewModel model = new MemoryViewModel(ui, 64);
        model.attach(target.session);
        model.onStopped(target.session.lastStop().orElse(stop));
        long result = address(target.await(target.session.evaluate("&compute_result", 0)));
        model.goTo("&compute_result");
        ui.until(() -> model.baseAddressProperty().get() == result, "memory at compute_result");
        String before = target.await(target.session.evaluate("compute_result", 0));
        DebugEvent.Stopped now = null;
        for (int i = 0; i < 30; i++) {
            model.onRunning();
            now = target.await(target.session.next());
            model.onStopped(now);
            DebugEvent.Stopped s = now;
            ui.until(() -> !model.rows().isEmpty(), "memory re-read at stop " + s.hostNanos());
            if (!target.await(target.session.evaluate("compute_result", 0)).equals(before)) {
                break;
            }
        }
        boolean[] changed = model.rows().get(0).changed();
        boolean any = false;
        for (int i = 0; i < 8; i++) {
            any |= changed[i];
        }
        assertTrue(any, "a byte of compute_result is marked changed");
        for (int i = 8; i < changed.length; i++) {
            assertFalse(changed[i], "byte " + i + " after compute_result did not change");
        }
    }

    @Test
    void disassemblyMarksTheInstructionAtThePc() throws Exception {
        QueueUi ui = new QueueUi();
        DisassemblyViewModel model = new DisassemblyViewModel(ui);
        model.attach(target.session);
        DebugEvent.Stopped at = target.session.lastStop().orElse(stop);
        model.onStopped(at);
        ui.until(() -> model.currentIndexProperty().get() >= 0, "disassembled with the pc marked");

        long pc = at.frame().orElseThrow().address();
        DisassemblyViewModel.Line current = model.lines().get(model.currentIndexProperty().get());
        assertTrue(current instanceof DisassemblyViewModel.InstructionLine i && i.current() && i.instruction().address() == pc,
                current.toString());
        assertEquals(1, model.lines().stream().filter(l -> l instanceof DisassemblyViewModel.InstructionLine i && i.current()).count());
        assertTrue(model.lines().stream().anyMatch(l -> l instanceof DisassemblyViewModel.SourceLine s
                && s.file().endsWith("app_compute.c") && s.text().isPresent()), "source lines interleaved with their text");
        assertTrue(model.lines().get(0) instanceof DisassemblyViewModel.SourceLine s && s.line() == 33,
                "starts at the function's first line: " + model.lines().get(0));
    }

    @Test
    void monitorInfoRegistersMemAndTlbAnswer() throws Exception {
        QueueUi ui = new QueueUi();
        MonitorViewModel model = new MonitorViewModel(ui);
        model.attach(target.session);
        for (String cmd : List.of("info registers", "info mem", "info tlb")) {
            int before = model.transcript().size();
            model.send(cmd);
            ui.until(() -> model.transcript().size() == before + 2, cmd + " answered");
            MonitorViewModel.Entry answer = model.transcript().get(before + 1);
            assertEquals(MonitorViewModel.Kind.OUTPUT, answer.kind(), cmd + ": " + answer);
            assertFalse(answer.text().isBlank(), cmd + " answered nothing");
        }
        assertTrue(model.transcript().get(1).text().contains("RIP="), model.transcript().get(1).text());
        assertTrue(model.transcript().get(3).text().toLowerCase(Locale.ROOT).contains("-r"), "info mem lists mappings: "
                + model.transcript().get(3).text());
        assertEquals("info tlb", model.historyUp(""));
        assertEquals("info mem", model.historyUp(""));
        assertEquals("info tlb", model.historyDown());
        assertEquals("", model.historyDown());
    }

    @Test
    void breakpointsAddWatchDisableDelete() throws Exception {
        QueueUi ui = new QueueUi();
        BreakpointsViewModel model = new BreakpointsViewModel(ui);
        model.attach(target.session);
        ui.until(() -> model.rows().stream().anyMatch(r -> r.location().startsWith("app_compute")), "app_compute listed");
        int initial = model.rows().size();

        model.addBreakpoint("compute_step", "dx > 0");
        ui.until(() -> model.rows().stream().anyMatch(r -> r.location().startsWith("compute_step")), "compute_step added");
        BreakpointsViewModel.Row step = model.rows().stream().filter(r -> r.location().startsWith("compute_step")).findFirst().orElseThrow();
        assertEquals("dx > 0", step.condition());
        assertEquals("software", step.kindText());

        model.addWatchpoint("compute_result", BreakpointKind.WATCH_WRITE);
        ui.until(() -> model.rows().stream().anyMatch(r -> r.breakpoint().kind() == BreakpointKind.WATCH_WRITE), "watchpoint added");
        BreakpointsViewModel.Row watch = model.rows().stream().filter(r -> r.breakpoint().kind().isWatchpoint()).findFirst().orElseThrow();
        assertEquals("compute_result", watch.location());

        model.setEnabled(step.id(), false);
        ui.until(() -> model.row(step.id()).map(r -> !r.breakpoint().enabled()).orElse(false), "compute_step disabled");

        model.delete(step.id());
        model.delete(watch.id());
        ui.until(() -> model.rows().size() == initial, "both deleted");

        model.addBreakpoint("no_such_function_here", "");
        ui.until(() -> model.errorProperty().get(), "gdb's refusal shown");
        assertTrue(model.statusProperty().get().contains("no_such_function_here"), model.statusProperty().get());
    }

    @Test
    void aWatchedStructExpandsAndRemovingItDeletesTheWatch() throws Exception {
        QueueUi ui = new QueueUi();
        WatchViewModel model = new WatchViewModel(ui);
        model.attach(target.session);
        model.onStopped(target.session.lastStop().orElse(stop));
        model.add("p");
        ValueNode p = model.roots().get(0);
        ui.until(() -> p.handle().isPresent(), "watch on p created");
        assertTrue(p.isExpandable(), "struct point has members");
        p.expandedProperty().set(true);
        ui.until(() -> p.children().size() == 2, "p's members listed");
        assertEquals(List.of("x", "y"), p.children().stream().map(ValueNode::name).toList());
        String handle = p.handle().get();
        model.remove(p);
        assertTrue(model.roots().isEmpty());
        // gdb forgot the variable object: expanding it again is an error
        java.util.concurrent.ExecutionException gone = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> target.await(target.session.watchChildren(handle)));
        assertTrue(gone.getCause().getMessage().contains("not found") || gone.getCause().getMessage().contains(handle),
                gone.getCause().getMessage());
    }

    @Test
    void panelsClearWhileRunningAndForgetTheSessionOnDetach() throws Exception {
        QueueUi ui = new QueueUi();
        RegistersViewModel registers = new RegistersViewModel(ui);
        CallStackViewModel stack = new CallStackViewModel((f, l) -> { }, new FrameSourceResolver(SampleKernel::sourceDir), ui);
        WatchViewModel watch = new WatchViewModel(ui);
        for (DebugPanel panel : List.of(registers, stack, watch)) {
            panel.attach(target.session);
            panel.onStopped(target.session.lastStop().orElse(stop));
        }
        watch.add("compute_result");
        ui.until(() -> !registers.rows().isEmpty() && !stack.frames().isEmpty() && watch.roots().get(0).handle().isPresent(),
                "all three filled");
        registers.onRunning();
        stack.onRunning();
        watch.onRunning();
        assertTrue(registers.rows().isEmpty() && stack.frames().isEmpty(), "stale registers and frames are cleared");
        assertFalse(registers.stoppedProperty().get());
        assertEquals(1, watch.roots().size(), "watch expressions stay while the target runs");

        watch.detach();
        registers.detach();
        assertEquals(WatchViewModel.NOT_EVALUATED, watch.roots().get(0).value(), "after the session only the expression is left");
        assertTrue(watch.roots().get(0).handle().isEmpty());
        // a late answer for the detached session changes nothing
        ui.drain();
        assertTrue(registers.rows().isEmpty());
    }

    private static long address(String gdbValue) {
        Matcher m = Pattern.compile("0x([0-9a-f]+)").matcher(gdbValue);
        if (!m.find()) {
            throw new AssertionError("no address in " + gdbValue);
        }
        return Long.parseUnsignedLong(m.group(1), 16);
    }

}
