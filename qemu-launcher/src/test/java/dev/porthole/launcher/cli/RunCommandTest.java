package dev.porthole.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.AccelProbe;
import dev.porthole.launcher.QemuLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code porthole run}, driven as a user would, on the real kernel under real QEMU. */
class RunCommandTest {
    private static final QemuLauncher LAUNCHER = new QemuLauncher(new AccelProbe(Path.of("target", "accel-cache.json")));

    private record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        JsonNode json() throws Exception {
            List<String> lines = lines();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    private static Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--runs", "target/test-runs"));
        int status = new RunCommand(LAUNCHER).run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultRunBootsTheSampleKernelWithHello() throws Exception {
        Result r = run("--accel", "tcg", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.lines().contains("Hello from Porthole!"), r.out());
        assertTrue(r.lines().get(0).startsWith("porthole: booting app=hello"), "the console comes first, CR stripped: " + r.out());
        JsonNode json = r.json();
        assertEquals("exit", json.at("/exit/reason").asText());
        assertEquals(0, json.at("/exit/code").asInt());
        assertEquals("tcg", json.path("accel").asText());
        assertEquals("microvm", json.path("machine").asText());
        Path runDir = Path.of(json.path("run_dir").asText());
        assertTrue(Files.exists(runDir.resolve("exit.json")), runDir.toString());
        double firstByte = json.at("/timings_ms/spawn_to_first_byte").asDouble();
        double exit = json.at("/timings_ms/spawn_to_exit").asDouble();
        assertTrue(firstByte > 0 && firstByte <= exit, json.path("timings_ms").toString());
        List<String> phases = new ArrayList<>();
        json.path("guest_phases").forEach(p -> phases.add(p.path("name").asText()));
        assertTrue(phases.containsAll(List.of("boot.serial", "boot.timer", "boot.vm", "app.hello")), phases.toString());
        JsonNode first = json.path("guest_phases").get(0);
        assertTrue(first.path("start_us").asDouble() >= 0 && first.path("duration_us").asDouble() > 0, first.toString());
        assertTrue(r.err().contains("run record " + runDir), r.err());
    }

    @Test
    void aPanicExitsNonZeroAndSaysSo() throws Exception {
        Result r = run("--accel", "tcg", "--append", "app=fault", "--json");
        assertEquals(RunCommand.STATUS_PANIC, r.status());
        assertEquals("panic", r.json().at("/exit/reason").asText());
        assertEquals(3, r.json().at("/exit/code").asInt());
        assertTrue(r.out().contains("fault: writing to"), r.out());
    }

    @Test
    void aGuestErrorCodeIsTheStatus() throws Exception {
        Result r = run("--accel", "tcg", "--append", "app=nonesuch");
        assertEquals(2, r.status());
        assertTrue(r.out().contains("unknown app 'nonesuch'"), r.out());
    }

    @Test
    void timeoutAndMachineOptions() throws Exception {
        Result r = run("--accel", "tcg", "--machine", "pc", "--memory", "128", "--append", "app=compute count=100000000000", "--timeout", "1.5", "--json");
        assertEquals(RunCommand.STATUS_TIMEOUT, r.status());
        JsonNode json = r.json();
        assertEquals("timeout", json.at("/exit/reason").asText());
        assertEquals("pc", json.path("machine").asText());
        String cmdline = Files.readString(Path.of(json.path("run_dir").asText(), "cmdline"));
        assertTrue(cmdline.contains("-M pc") && cmdline.contains("-m 128"), cmdline);
    }

    @Test
    void usageErrorsAreUsageExceptions() {
        assertThrows(CliCommand.UsageException.class, () -> run("--machine", "vax"));
        assertThrows(CliCommand.UsageException.class, () -> run("--accel", "hax"));
        assertThrows(CliCommand.UsageException.class, () -> run("--memory", "lots"));
        assertThrows(CliCommand.UsageException.class, () -> run("--timeout", "-1"));
        assertThrows(CliCommand.UsageException.class, () -> run("a.elf", "b.elf"));
        assertThrows(CliCommand.UsageException.class, () -> run("--frobnicate"));
    }

    @Test
    void aRefusedImageWithJsonStillEndsWithAJsonLine() throws Exception {
        Result r = run("/nonexistent/image.elf", "--json");
        assertEquals(RunCommand.STATUS_LAUNCH_REFUSED, r.status());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertEquals("launch-refused", r.json().at("/exit/reason").asText());
    }
}
