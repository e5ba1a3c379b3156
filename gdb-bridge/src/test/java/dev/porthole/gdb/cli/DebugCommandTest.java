package dev.porthole.gdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.cli.CliCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code porthole debug} on the real sample kernel, real QEMU, real gdb. */
class DebugCommandTest {
    private Path runs;

    @org.junit.jupiter.api.BeforeEach
    void makeRunsFolder() throws java.io.IOException {
        runs = dev.porthole.gdb.TestDirs.create("porthole-debug-cli-");
    }

    @org.junit.jupiter.api.AfterEach
    void removeRunsFolder() {
        dev.porthole.gdb.TestDirs.deleteQuietly(runs);
    }

    private record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    private Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--runs", runs.toString(), "--accel", "tcg"));
        int status = new DebugCommand().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void breaksAtKmainStepsAndRunsToTheExit() throws Exception {
        Result r = run("--break", "kmain", "--steps", "3", "--json");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("stopped (breakpoint-hit) in kmain at main.c:"), r.out());
        JsonNode j = r.json();
        assertEquals("kmain", j.at("/stop/function").asText());
        assertEquals("main.c", j.at("/stop/file").asText());
        int line = j.at("/stop/line").asInt();
        assertTrue(line > 0);
        assertEquals("kmain", j.at("/backtrace/0/function").asText());
        assertEquals("start64", j.at("/backtrace/1/function").asText());
        assertTrue(j.at("/backtrace/0/address").asText().startsWith("0x"));
        assertEquals(j.at("/backtrace/0/address").asText(), j.at("/registers/rip").asText());
        assertTrue(j.at("/registers/rsp").asText().startsWith("0x"));
        assertTrue(j.at("/registers/cr3").asText().startsWith("0x"));
        assertEquals(3, j.at("/steps").size());
        assertEquals("main.c", j.at("/steps/0/file").asText());
        assertTrue(j.at("/steps/0/line").asInt() > line, j.at("/steps").toString());
        assertTrue(j.at("/timings_ms/launch_to_stop").asDouble() > 0);
        assertEquals("exit", j.at("/exit/reason").asText());
        assertEquals(0, j.at("/exit/code").asInt());
        List<String> exitFields = new ArrayList<>();
        j.get("exit").fieldNames().forEachRemaining(exitFields::add);
        assertEquals(List.of("reason", "code", "message", "qemu_status"), exitFields, "the shape of the run record's exit.json");
    }

    @Test
    void aPanickingGuestEndsWithStatusOne() throws Exception {
        Result r = run("--break", "fault_touch_bad_pointer", "--append", "app=fault", "--json");
        assertEquals(DebugCommand.GUEST_FAILED, r.status(), r.out() + r.err());
        JsonNode j = r.json();
        assertEquals("fault_touch_bad_pointer", j.at("/stop/function").asText());
        assertEquals("fault_level1", j.at("/backtrace/1/function").asText());
        assertEquals("app_fault", j.at("/backtrace/2/function").asText());
        assertEquals("panic", j.at("/exit/reason").asText());
    }

    @Test
    void aSymbolThatDoesNotExistIsGdbsMessage() throws Exception {
        Result r = run("--break", "no_such_symbol");
        assertEquals(DebugCommand.NOT_STOPPED, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("Function \"no_such_symbol\" not defined"), r.err());
    }

    @Test
    void breakIsRequired() {
        CliCommand.UsageException e = assertThrows(CliCommand.UsageException.class, () -> run("--steps", "2"));
        assertTrue(e.getMessage().contains("--break"), e.getMessage());
    }
}
