package dev.porthole.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.gdb.mi.MiErrorException;
import dev.porthole.gdb.mi.MiParser;
import dev.porthole.gdb.mi.MiRecord;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.Machine;
import dev.porthole.launcher.QemuLauncher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GDB/MI session against real gdb, real QEMU (TCG) and the real sample kernel. */
class GdbDebugSessionTest {
    private static final long WAIT = 60; // seconds: generous, the machine is shared; never a timed assertion

    private java.nio.file.Path runs;

    @org.junit.jupiter.api.BeforeEach
    void makeRunsFolder() throws java.io.IOException {
        runs = TestDirs.create("porthole-gdb-test-");
    }
    private Guest guest;
    private GdbDebugSession session;
    private final List<String> transcript = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<DebugEvent> events = new LinkedBlockingQueue<>();
    private final List<String> eventThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        if (guest != null) {
            guest.close();
        }
        TestDirs.deleteQuietly(runs);
    }

    private GdbDebugSession attach(String append) throws Exception {
        return attach(append, o -> o);
    }

    private GdbDebugSession attach(String append, java.util.function.UnaryOperator<GdbOptions> tweak) throws Exception {
        guest = new QemuLauncher().launch(LaunchSpec.builder(SampleKernel.image()).machine(Machine.MICROVM).accel(Accel.TCG)
                .append(append).paused(true).gdbStub(true).runsRoot(runs).build());
        GdbOptions options = GdbOptions.forGuest(guest).withTranscript(transcript::add);
        assertEquals(Optional.of(SampleKernel.debugImage().toRealPath()), options.symbolFile().map(p -> {
            try {
                return p.toRealPath();
            } catch (java.io.IOException e) {
                return p;
            }
        }));
        session = GdbDebugSession.start(tweak.apply(options), List.of(e -> {
            eventThreads.add(Thread.currentThread().getName());
            events.add(e);
        }));
        return session;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private DebugEvent.Stopped breakAt(String location) throws Exception {
        get(session.insertBreakpoint(BreakpointSpec.at(location).withHardware(true)));
        return get(session.resume());
    }

    private <E extends DebugEvent> E awaitEvent(Class<E> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (System.nanoTime() < deadline) {
            DebugEvent e = events.poll(1, TimeUnit.SECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " event; state " + session.state());
    }

    @Test
    void breakAtKmainAndReadTheFrame() throws Exception {
        attach("app=hello");
        assertEquals(SessionState.STOPPED, session.state());
        Breakpoint bp = get(session.insertBreakpoint(BreakpointSpec.at("kmain").withHardware(true)));
        assertTrue(bp.hardware());
        assertEquals(Optional.of("kmain"), bp.function());
        DebugEvent.Stopped stop = get(session.resume());
        assertEquals("breakpoint-hit", stop.reason());
        assertEquals(bp.id(), stop.breakpoint().getAsInt());
        Frame frame = stop.frame().orElseThrow();
        assertEquals("kmain", frame.function());
        assertEquals(Optional.of("main.c"), frame.file());
        assertTrue(frame.line().isPresent());
        List<Frame> frames = get(session.frames());
        assertEquals("kmain", frames.get(0).function());
        assertEquals("start64", frames.get(1).function());
        List<Variable> vars = get(session.variables(0));
        Variable mbinfo = vars.stream().filter(v -> v.name().equals("mbinfo")).findFirst().orElseThrow();
        assertTrue(mbinfo.argument());
        assertNotEquals("0", mbinfo.value());
        // every event came on the one session thread
        assertEquals(1, eventThreads.stream().distinct().count(), eventThreads.toString());
        assertTrue(eventThreads.get(0).startsWith("porthole-gdb-session"));
        // everything this gdb printed was MI the parser understood
        List<String> received = transcript.stream().filter(l -> !l.startsWith("> ") && !l.startsWith("stderr: ")).toList();
        assertTrue(received.size() > 5, transcript.toString());
        for (String line : received) {
            assertFalse(MiParser.parse(line) instanceof MiRecord.Unknown, "not MI: " + line);
        }
        assertTrue(transcript.stream().anyMatch(l -> l.contains("-gdb-set architecture i386:x86-64")), transcript.toString());
    }

    @Test
    void hardwareBreakpointsAreTheDefaultWhenTheOptionsSaySoAndAFlagChoosesSoftware() throws Exception {
        attach("app=hello", o -> {
            assertFalse(o.hardwareBreakpoints(), "TCG: software breakpoints by default");
            return o.withHardwareBreakpoints(true); // what forGuest chooses under KVM
        });
        DebugEvent.Stopped attached = session.lastStop().orElseThrow();
        assertEquals("attached", attached.reason());
        assertEquals(0xfff0L, attached.frame().orElseThrow().address()); // the reset vector: -S held the CPU there
        assertTrue(get(session.insertBreakpoint(BreakpointSpec.at("kmain"))).hardware());
        assertFalse(get(session.insertBreakpoint(BreakpointSpec.at("trace_init").withHardware(false))).hardware());
        assertEquals("kmain", get(session.resume()).frame().orElseThrow().function());
        assertEquals("trace_init", get(session.resume()).frame().orElseThrow().function());
    }

    @Test
    void stepIntoACallAndFinishOutOfIt() throws Exception {
        attach("app=hello");
        DebugEvent.Stopped atKmain = breakAt("kmain");
        int line = atKmain.frame().orElseThrow().line().getAsInt();
        DebugEvent.Stopped next = get(session.next());
        assertEquals("end-stepping-range", next.reason());
        assertEquals(line + 1, next.frame().orElseThrow().line().getAsInt()); // main.c: the trace_init() call
        DebugEvent.Stopped in = get(session.step());
        assertEquals("trace_init", in.frame().orElseThrow().function());
        assertEquals("kmain", get(session.frames()).get(1).function());
        DebugEvent.Stopped out = get(session.finish());
        assertEquals("function-finished", out.reason());
        assertEquals("kmain", out.frame().orElseThrow().function());
    }

    @Test
    void runToALineAndReadLocalsAndAStruct() throws Exception {
        attach("app=compute");
        breakAt("app_compute");
        DebugEvent.Stopped there = get(session.until("app_compute.c:43"));
        assertEquals("location-reached", there.reason());
        assertEquals(43, there.frame().orElseThrow().line().getAsInt());
        assertEquals("app_compute", there.frame().orElseThrow().function());
        Map<String, Variable> vars = get(session.variables(0)).stream().collect(Collectors.toMap(Variable::name, v -> v));
        assertTrue(vars.containsKey("i") && vars.containsKey("p"), vars.toString());
        assertEquals("1", vars.get("i").value());
        VarObject p = get(session.createWatch("p"));
        assertTrue(p.expandable());
        List<VarObject> members = get(session.watchChildren(p.handle()));
        assertEquals(List.of("x", "y"), members.stream().map(VarObject::expression).toList());
        assertEquals("1", members.get(1).value()); // after round 1: p = (0, 1)
        assertEquals("(0, 1)", "(" + members.get(0).value() + ", " + members.get(1).value() + ")");
    }

    @Test
    void aWatchInAnOuterFrameReadsThatFramesLocalsNotTheInnermostOnes() throws Exception {
        attach("app=compute");
        DebugEvent.Stopped inStep = breakAt("compute_step"); // the first round: i = 1, p still (0, 0)
        assertEquals("compute_step", inStep.frame().orElseThrow().function());
        assertEquals("app_compute", get(session.frames()).get(1).function());
        // in compute_step p is a pointer and there is no i; in app_compute p is the struct itself
        assertEquals(Optional.of("struct point *"), get(session.createWatch("p")).type());
        VarObject i = get(session.createWatchInFrame("i", 1));
        assertEquals("1", i.value());
        VarObject p = get(session.createWatchInFrame("p", 1));
        assertEquals(Optional.of("struct point"), p.type());
        List<VarObject> members = get(session.watchChildren(p.handle()));
        assertEquals(List.of("x", "y"), members.stream().map(VarObject::expression).toList());
        assertEquals(List.of("0", "0"), members.stream().map(VarObject::value).toList());
        // compute_step's own local is not visible from app_compute (gdb says only "unable to create variable object")
        assertThrows(MiErrorException.class, () -> get(session.createWatchInFrame("dist2", 1)));
    }

    @Test
    void registersIncludeControlAndSegmentRegisters() throws Exception {
        attach("app=hello");
        DebugEvent.Stopped stop = breakAt("kmain");
        Map<String, String> regs = get(session.registers()).stream().collect(Collectors.toMap(Register::name, Register::value));
        for (String name : List.of("rip", "rsp", "rbp", "eflags", "cs", "ss", "cr0", "cr3", "cr4", "efer", "fs_base")) {
            assertTrue(regs.containsKey(name), "no " + name + " in " + regs.keySet());
        }
        assertEquals(stop.frame().orElseThrow().address(), Long.decode(regs.get("rip")));
        assertTrue((Long.decode(regs.get("cr0")) & 0x80000001L) == 0x80000001L, "paging and protection on: " + regs.get("cr0"));
        assertTrue((Long.decode(regs.get("efer")) & 0x500) == 0x500, "long mode active: " + regs.get("efer"));
        List<Register> few = get(session.registers(List.of("rsp", "rip")));
        assertEquals(List.of("rsp", "rip"), few.stream().map(Register::name).toList());
    }

    @Test
    void memoryAtAKnownSymbolMatchesTheElfAndCanBeWritten() throws Exception {
        attach("app=compute");
        breakAt("kmain");
        long vectors = Long.decode(get(session.evaluate("(unsigned long)&vectors", 0)));
        MemoryBlock block = get(session.readMemory("&vectors", 256));
        assertEquals(vectors, block.address());
        assertArrayEquals(new ElfImage(SampleKernel.debugImage()).bytesAt(vectors, 256), block.bytes());
        long kmain = Long.decode(get(session.evaluate("(unsigned long)&kmain", 0)));
        assertArrayEquals(new ElfImage(SampleKernel.debugImage()).bytesAt(kmain, 32), get(session.readMemory("kmain", 32)).bytes());

        get(session.writeMemory("&compute_result", new byte[] {0x2a, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("42", get(session.evaluate("compute_result", 0)));
        MiErrorException unmapped = assertThrows(MiErrorException.class, () -> get(session.readMemory("0xdead0000", 8)));
        assertTrue(unmapped.gdbMessage().contains("0xdead0000") || unmapped.gdbMessage().toLowerCase().contains("memory"),
                unmapped.getMessage());
    }

    @Test
    void physicalModeReadsWhatThePageTablesHide() throws Exception {
        attach("app=hello");
        breakAt("app_run"); // after boot.vm: only the kernel image and free RAM are mapped, not the first MiB
        long mbinfo = Long.decode(get(session.evaluate("mbinfo_addr", 0)));
        assertTrue(mbinfo < 0x100000, "multiboot info below the kernel: 0x" + Long.toHexString(mbinfo));
        assertThrows(MiErrorException.class, () -> get(session.readMemory(Long.toString(mbinfo), 4)));
        get(session.physicalMemoryMode(true));
        MemoryBlock info = get(session.readMemory(Long.toString(mbinfo), 4));
        assertEquals(4, info.length());
        get(session.physicalMemoryMode(false));
        assertThrows(MiErrorException.class, () -> get(session.readMemory(Long.toString(mbinfo), 4)));
    }

    @Test
    void attachesOverTcpOnLoopbackToo() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        guest = new QemuLauncher().launch(LaunchSpec.builder(SampleKernel.image()).machine(Machine.MICROVM).accel(Accel.TCG)
                .append("app=hello").paused(true).gdbStub(false).addExtraArgs("-gdb", "tcp:127.0.0.1:" + port)
                .runsRoot(runs).build());
        session = GdbDebugSession.start(GdbOptions.forTarget("127.0.0.1:" + port, SampleKernel.debugImage()));
        assertEquals("kmain", breakAt("kmain").frame().orElseThrow().function());
    }

    @Test
    void watchpointInComputeFiresWithOldAndNewValues() throws Exception {
        attach("app=compute");
        Breakpoint wp = get(session.insertWatchpoint("compute_result", BreakpointKind.WATCH_WRITE));
        assertEquals(BreakpointKind.WATCH_WRITE, wp.kind());
        DebugEvent.Stopped first = get(session.resume());
        assertEquals("watchpoint-trigger", first.reason());
        DebugEvent.WatchValues values = first.watch().orElseThrow();
        assertEquals("compute_result", values.expression());
        assertEquals(Optional.of("0"), values.oldValue());
        assertEquals(Optional.of("1"), values.newValue());
        assertEquals("app_compute", first.frame().orElseThrow().function());
        DebugEvent.Stopped second = get(session.resume());
        assertEquals(Optional.of("1"), second.watch().orElseThrow().oldValue());
        assertEquals(Optional.of("11"), second.watch().orElseThrow().newValue()); // round 2: p = (1, 3), 1 + 10
    }

    @Test
    void faultStopsInTheExceptionHandlerAndTheBacktraceReachesTheFaultingFunction() throws Exception {
        attach("app=fault");
        DebugEvent.Stopped stop = breakAt("trap");
        assertEquals("trap", stop.frame().orElseThrow().function());
        assertEquals("14", get(session.evaluate("tf->vector", 0)));
        List<String> functions = get(session.frames()).stream().map(Frame::function).toList();
        // alltraps carries signal-frame CFI, so gdb shows the exception entry as a signal trampoline
        int handler = Math.max(functions.indexOf("alltraps"), functions.indexOf("<signal handler called>"));
        int faulting = functions.indexOf("fault_touch_bad_pointer");
        assertTrue(handler > 0 && faulting > handler, "backtrace: " + functions);
        assertTrue(functions.indexOf("fault_level1") > faulting, "backtrace: " + functions);
        assertTrue(functions.indexOf("app_fault") > faulting, "backtrace: " + functions);
    }

    @Test
    void interruptARunningGuestAndContinueIt() throws Exception {
        attach("app=compute count=4000000000");
        CompletableFuture<DebugEvent.Stopped> running = session.resume();
        awaitEvent(DebugEvent.Running.class);
        assertEquals(SessionState.RUNNING, session.state());
        assertFalse(running.isDone());
        DebugEvent.Stopped stop = get(session.interrupt());
        assertEquals("signal-received", stop.reason());
        assertEquals(Optional.of("SIGINT"), stop.signal());
        assertEquals(stop, get(running)); // the continue ends with the same stop
        assertEquals(SessionState.STOPPED, session.state());
        String before = get(session.evaluate("i", 0).exceptionally(e -> "?"));
        CompletableFuture<DebugEvent.Stopped> again = session.resume();
        awaitEvent(DebugEvent.Running.class);
        Thread.sleep(200);
        DebugEvent.Stopped second = get(session.interrupt());
        assertEquals("signal-received", second.reason());
        assertTrue(again.isDone());
        String monitor = get(session.monitor("info registers"));
        assertTrue(monitor.contains("RIP=") && monitor.contains("CR3="), monitor);
        assertNotEquals("", before);
    }

    @Test
    void breakpointsCanBeListedDisabledEnabledAndDeleted() throws Exception {
        attach("app=compute");
        Breakpoint conditional = get(session.insertBreakpoint(BreakpointSpec.at("compute_step").withCondition("dy == 3")));
        Breakpoint ignoring = get(session.insertBreakpoint(BreakpointSpec.at("app_compute.c:44").withIgnoreCount(2).withHardware(false)));
        Breakpoint once = get(session.insertBreakpoint(BreakpointSpec.at("kmain").asTemporary()));
        assertEquals(Optional.of("dy == 3"), conditional.condition());
        assertFalse(ignoring.hardware());
        assertTrue(once.temporary());
        get(session.enableBreakpoint(ignoring.id(), false));
        List<Breakpoint> all = get(session.breakpoints());
        assertEquals(3, all.size());
        assertFalse(all.stream().filter(b -> b.id() == ignoring.id()).findFirst().orElseThrow().enabled());
        assertEquals(2, all.stream().filter(b -> b.id() == ignoring.id()).findFirst().orElseThrow().ignoreCount());

        assertEquals("kmain", get(session.resume()).frame().orElseThrow().function()); // the temporary one, then gone
        DebugEvent.Stopped cond = get(session.resume());
        assertEquals("compute_step", cond.frame().orElseThrow().function());
        assertEquals("3", get(session.evaluate("dy", 0)));
        get(session.deleteBreakpoint(conditional.id()));
        get(session.enableBreakpoint(ignoring.id(), true));
        assertEquals(List.of(ignoring.id()), get(session.breakpoints()).stream().map(Breakpoint::id).toList());
        List<Instruction> code = get(session.disassemble("$pc", "$pc+16"));
        assertFalse(code.isEmpty());
        assertTrue(code.get(0).file().isPresent() && code.get(0).line().isPresent(), code.get(0).toString());
    }

    @Test
    void gdbRefusalsSurfaceGdbsOwnMessage() throws Exception {
        attach("app=hello");
        MiErrorException e = assertThrows(MiErrorException.class,
                () -> get(session.insertBreakpoint(BreakpointSpec.at("no_such_function"))));
        assertTrue(e.gdbMessage().contains("Function \"no_such_function\" not defined"), e.getMessage());
        assertTrue(e.getMessage().contains("-break-insert"), e.getMessage());
        assertEquals(SessionState.STOPPED, session.state()); // an error is not the end of the session
    }

    @Test
    void killingGdbMidSessionEndsWithFailedAndLeavesTheGuestPaused() throws Exception {
        attach("app=hello");
        breakAt("kmain");
        session.gdbProcess().destroyForcibly();
        DebugEvent.Failed failed = awaitEvent(DebugEvent.Failed.class);
        assertTrue(failed.why().contains("gdb exited unexpectedly"), failed.why());
        assertTrue(failed.why().contains("paused"), failed.why());
        assertEquals(SessionState.FAILED, session.state());
        assertThrows(DebugException.class, () -> get(session.next()));
        Thread.sleep(300);
        assertTrue(guest.isAlive(), "QEMU must survive gdb");
        assertFalse(guest.console().text().contains("Hello"), "the guest must stay paused: " + guest.console().text());
    }

    @Test
    void givenTheThirtyTwoBitWrapperTheSessionLoadsItsDebugTwin() throws Exception {
        attach("app=hello", o -> o.withSymbolFile(SampleKernel.image()));
        assertTrue(transcript.stream().anyMatch(l -> l.startsWith("> ") && l.contains("-file-exec-and-symbols")
                && l.endsWith("porthole.dbg")), transcript.toString());
        DebugEvent.Stopped stop = breakAt("kmain");
        assertEquals(Optional.of("main.c"), stop.frame().orElseThrow().file());
    }

    @Test
    void detachingLetsTheGuestRunToItsEnd() throws Exception {
        attach("app=hello");
        breakAt("kmain");
        get(session.detach(true));
        GuestExit exit = guest.awaitExit(Duration.ofSeconds(WAIT));
        assertEquals(GuestExit.Reason.EXIT, exit.reason());
        assertTrue(guest.console().text().contains("Hello"), guest.console().text());
    }

    @Test
    void theStubGoingAwayEndsWithExited() throws Exception {
        attach("app=hello");
        breakAt("kmain");
        CompletableFuture<DebugEvent.Stopped> forever = session.resume();
        DebugEvent.Exited exited = awaitEvent(DebugEvent.Exited.class);
        assertEquals(SessionState.EXITED, session.state());
        assertTrue(exited.description().contains("gone") || exited.description().contains("closed"), exited.description());
        // A Continue that runs the guest to its end: told apart from a failure by its type.
        assertThrows(TargetExitedException.class, () -> get(forever));
        GuestExit exit = guest.awaitExit(Duration.ofSeconds(WAIT));
        assertEquals(GuestExit.Reason.EXIT, exit.reason());
        assertEquals(0, exit.code());
    }

    @Test
    void aCommandThatNeverAnswersTimesOutWithoutEndingTheSession() throws Exception {
        attach("app=hello", o -> o.withCommandTimeout(Duration.ofMillis(2000)));
        long pid = session.gdbProcess().pid();
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
        try {
            TimeoutException e = assertThrows(TimeoutException.class, () -> get(session.evaluate("1+1", 0)));
            assertTrue(e.getMessage().contains("-data-evaluate-expression"), e.getMessage());
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
        }
        assertEquals("4", get(session.evaluate("2+2", 0)));
    }

    @Test
    void aSecondDebuggerOnTheSameStubIsToldWhy() throws Exception {
        attach("app=hello");
        DebugException e = assertThrows(DebugException.class, () -> GdbDebugSession.start(GdbOptions.forGuest(guest)));
        assertTrue(e.getMessage().contains("one debugger at a time"), e.getMessage());
        assertEquals("2", get(session.evaluate("1+1", 0))); // the first session is untouched
    }

    @Test
    void missingGdbSaysWhatToInstall() {
        DebugException e = assertThrows(DebugException.class, () -> GdbDebugSession.start(
                GdbOptions.forTarget("/nonexistent/gdb.sock", SampleKernel.debugImage()).withGdb("/nonexistent/bin/gdb")));
        assertTrue(e.getMessage().contains("/nonexistent/bin/gdb") && e.getMessage().contains("Install gdb"), e.getMessage());
    }

    @Test
    void aTargetNobodyListensOnIsAClearError() throws Exception {
        DebugException e = assertThrows(DebugException.class, () -> GdbDebugSession.start(
                GdbOptions.forTarget("/nonexistent/gdb.sock", SampleKernel.debugImage())));
        assertTrue(e.getMessage().contains("/nonexistent/gdb.sock"), e.getMessage());
        assertInstanceOf(DebugException.class, e);
    }
}
