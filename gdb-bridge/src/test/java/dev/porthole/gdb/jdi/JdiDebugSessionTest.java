package dev.porthole.gdb.jdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugException;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.SessionState;
import dev.porthole.gdb.TargetExitedException;
import dev.porthole.gdb.ThreadInfo;
import dev.porthole.gdb.VarObject;
import dev.porthole.gdb.Variable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDI session against a real JVM started by the test with a JDWP agent on 127.0.0.1: a stand-in for the JVM
 * inside a guest, whose JDWP port the launcher forwards to 127.0.0.1 (the wire protocol is the same).
 */
class JdiDebugSessionTest {
    private static final String CLASS = JdiWorkload.class.getName();
    private static final int ADD_LINE = 18;
    private static final int TWICE_LINE = 25;

    private Process jvm;
    private JdiDebugSession session;
    private final BlockingQueue<DebugEvent> events = new LinkedBlockingQueue<>();
    private final List<String> eventThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final StringBuilder output = new StringBuilder();

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        if (jvm != null) {
            jvm.destroyForcibly();
            jvm.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private JdiDebugSession attach(String... programArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        jvm = new ProcessBuilder(java, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0",
                "-cp", System.getProperty("java.class.path"), CLASS, String.join(" ", programArgs)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = Pattern.compile("address: (?:[\\d.]+:)?(\\d+)").matcher(line == null ? "" : line);
        assertTrue(m.find(), "the JVM did not print its JDWP port: " + line);
        Thread drain = new Thread(() -> out.lines().forEach(l -> {
            synchronized (output) {
                output.append(l).append('\n');
            }
        }));
        drain.setDaemon(true);
        drain.start();
        session = JdiDebugSession.attach("127.0.0.1", Integer.parseInt(m.group(1)), Duration.ofSeconds(30));
        session.addListener(e -> {
            eventThreads.add(Thread.currentThread().getName());
            events.add(e);
        });
        return session;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Test
    void breakpointByClassAndLineShowsFramesLocalsAndThis() throws Exception {
        attach();
        assertEquals(SessionState.STOPPED, session.state()); // suspend=y: nothing ran yet
        Breakpoint bp = get(session.insertBreakpoint(BreakpointSpec.at(CLASS + ":" + ADD_LINE)));
        assertFalse(bp.hardware());
        DebugEvent.Stopped stop = get(session.resume());
        assertEquals("breakpoint-hit", stop.reason());
        assertEquals(bp.id(), stop.breakpoint().getAsInt());
        Frame top = stop.frame().orElseThrow();
        assertEquals(CLASS + ".add", top.function());
        assertEquals(Optional.of("JdiWorkload.java"), top.file());
        assertEquals(ADD_LINE, top.line().getAsInt());
        List<Frame> frames = get(session.frames());
        assertEquals(CLASS + ".main", frames.get(1).function());
        Map<String, Variable> vars = get(session.variables(0)).stream().collect(Collectors.toMap(Variable::name, v -> v));
        assertTrue(vars.containsKey("this"), vars.toString());
        assertEquals("0", vars.get("i").value());
        assertTrue(vars.get("i").argument());
        assertEquals("0", get(session.evaluate("this.total", 0)));
        assertEquals("0", get(session.evaluate("counter", 0)));
        assertEquals("int[3]", get(session.evaluate("history", 0)));
        assertTrue(get(session.evaluate("workload", 1)).startsWith("JdiWorkload@"));
        DebugException e = assertThrows(DebugException.class, () -> get(session.evaluate("nosuch", 0)));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());

        List<ThreadInfo> threads = get(session.threads());
        assertTrue(threads.stream().anyMatch(t -> t.name().equals("main") && t.current()), threads.toString());
        assertEquals(1, eventThreads.stream().distinct().count(), eventThreads.toString());
        assertEquals("porthole-jdi-session", eventThreads.get(0));
    }

    @Test
    void stepIntoStepOutAndStepOver() throws Exception {
        attach();
        get(session.insertBreakpoint(BreakpointSpec.at(CLASS + ":" + ADD_LINE)));
        get(session.resume());
        DebugEvent.Stopped in = get(session.step());
        assertEquals(CLASS + ".twice", in.frame().orElseThrow().function());
        assertEquals(TWICE_LINE, in.frame().orElseThrow().line().getAsInt());
        DebugEvent.Stopped out = get(session.finish());
        assertEquals("function-finished", out.reason());
        assertEquals(CLASS + ".add", out.frame().orElseThrow().function());
        DebugEvent.Stopped over = get(session.next());
        assertEquals(CLASS + ".add", over.frame().orElseThrow().function());
        assertTrue(over.frame().orElseThrow().line().getAsInt() > ADD_LINE);
    }

    @Test
    void watchesExpandObjectsAndReportChanges() throws Exception {
        attach();
        get(session.insertBreakpoint(BreakpointSpec.at(CLASS + ":" + ADD_LINE).withIgnoreCount(1)));
        DebugEvent.Stopped second = get(session.resume()); // the first hit is ignored
        assertEquals("1", get(session.evaluate("i", 0)));
        VarObject self = get(session.createWatch("this"));
        assertTrue(self.expandable());
        Map<String, VarObject> fields = get(session.watchChildren(self.handle())).stream()
                .collect(Collectors.toMap(VarObject::expression, v -> v));
        assertEquals("0", fields.get("total").value()); // twice(0) added 0
        assertEquals(3, fields.get("history").childCount());
        VarObject total = get(session.createWatch("this.total"));
        assertTrue(get(session.updateWatches()).isEmpty());
        DebugEvent.Stopped there = get(session.until(CLASS + ":21")); // past total += doubled
        assertEquals("location-reached", there.reason());
        assertEquals(21, there.frame().orElseThrow().line().getAsInt());
        var changes = get(session.updateWatches());
        assertTrue(changes.stream().anyMatch(c -> c.handle().equals(total.handle()) && c.value().equals("2")), changes.toString());
        assertTrue(second.breakpoint().isPresent());
    }

    @Test
    void aWatchInAnOuterFrameReadsThatFramesLocalsNotTheInnermostOnes() throws Exception {
        attach();
        // the second call: main's i = 1 -> add(1) -> twice(1)
        get(session.insertBreakpoint(BreakpointSpec.at(CLASS + ":" + TWICE_LINE).withIgnoreCount(1)));
        DebugEvent.Stopped inTwice = get(session.resume());
        assertEquals(CLASS + ".twice", inTwice.frame().orElseThrow().function());
        int addLevel = frameOf("add");
        assertTrue(addLevel > 0, "add is an outer frame");
        // twice(int value) is static and has no i: only add's frame can answer these
        assertThrows(DebugException.class, () -> get(session.evaluate("i", 0)));
        VarObject i = get(session.createWatchInFrame("i", addLevel));
        assertEquals("1", i.value());
        assertEquals(Optional.of("int"), i.type());
        DebugException innermostOnly = assertThrows(DebugException.class, () -> get(session.createWatchInFrame("value", addLevel)));
        assertTrue(innermostOnly.getMessage().contains("value"), innermostOnly.getMessage());
        // add's this expands in add's frame, and an update reads it there too (in twice it would be out of scope)
        VarObject self = get(session.createWatchInFrame("this", addLevel));
        Map<String, VarObject> fields = get(session.watchChildren(self.handle())).stream()
                .collect(Collectors.toMap(VarObject::expression, v -> v));
        assertEquals("0", fields.get("total").value()); // twice(0) added 0; this call's sum is not added yet
        assertEquals(3, fields.get("history").childCount());
        assertEquals(List.of(), get(session.updateWatches()));
    }

    @Test
    void fieldWatchpointAndRunToTheEnd() throws Exception {
        attach();
        Breakpoint wp = get(session.insertWatchpoint(CLASS + ".counter", BreakpointKind.WATCH_WRITE));
        DebugEvent.Stopped hit = get(session.resume());
        assertEquals("watchpoint-trigger", hit.reason());
        assertEquals(Optional.of("0"), hit.watch().orElseThrow().oldValue());
        assertEquals(Optional.of("1"), hit.watch().orElseThrow().newValue());
        get(session.deleteBreakpoint(wp.id()));
        CompletableFuture<DebugEvent.Stopped> never = session.resume();
        DebugEvent.Exited exited = null;
        while (exited == null) {
            DebugEvent e = events.poll(60, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("the JVM did not exit");
            }
            if (e instanceof DebugEvent.Exited x) {
                exited = x;
            }
        }
        assertEquals(SessionState.EXITED, session.state());
        assertThrows(TargetExitedException.class, () -> get(never), "a JVM run to its end is an exit, not a failure");
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
        synchronized (output) {
            assertTrue(output.toString().contains("total 6 counter 3"), output.toString());
        }
    }

    @Test
    void interruptARunningJvmAndContinueIt() throws Exception {
        attach("spin");
        CompletableFuture<DebugEvent.Stopped> running = session.resume();
        DebugEvent e;
        do {
            e = events.poll(60, TimeUnit.SECONDS);
        } while (e != null && !(e instanceof DebugEvent.Running));
        assertInstanceOf(DebugEvent.Running.class, e);
        Thread.sleep(200);
        DebugEvent.Stopped stop = get(session.interrupt());
        assertEquals("interrupted", stop.reason());
        assertEquals(stop, get(running));
        assertEquals(SessionState.STOPPED, session.state());
        int before = Integer.parseInt(get(session.evaluate("counter", frameOf("spinIfAsked"))));
        assertTrue(before > 0);
        session.resume();
        Thread.sleep(200);
        get(session.interrupt());
        int after = Integer.parseInt(get(session.evaluate("counter", frameOf("spinIfAsked"))));
        assertTrue(after > before, before + " -> " + after);
    }

    private int frameOf(String method) throws Exception {
        List<Frame> frames = get(session.frames());
        return frames.stream().filter(f -> f.function().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new AssertionError("no frame of " + method + " in " + frames)).level();
    }

    @Test
    void nativeOnlyPartsSayWhyTheyAreMissing() throws Exception {
        attach();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> get(session.registers()));
        assertTrue(e.getMessage().contains("JDWP"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> get(session.readMemory("0", 8)));
        assertThrows(UnsupportedOperationException.class,
                () -> get(session.insertBreakpoint(BreakpointSpec.at(CLASS + ":18").withCondition("i == 2"))));
        DebugException bad = assertThrows(DebugException.class, () -> get(session.insertBreakpoint(BreakpointSpec.at("kmain"))));
        assertTrue(bad.getMessage().contains("Class:line"), bad.getMessage());
    }

    @Test
    void nobodyListeningIsAClearError() {
        DebugException e = assertThrows(DebugException.class, () -> JdiDebugSession.attach("127.0.0.1", 1, Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("127.0.0.1:1") && e.getMessage().contains("jdwp"), e.getMessage());
    }
}
