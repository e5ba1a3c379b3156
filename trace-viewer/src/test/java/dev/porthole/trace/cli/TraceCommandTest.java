package dev.porthole.trace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.cli.CliCommand;
import dev.porthole.trace.Fixtures;
import dev.porthole.trace.RunDirs;
import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.run.TraceSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return new TraceCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode lastJsonLine() throws Exception {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void statsJsonOfARunDirectory(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 35, 40, 45);
        assertEquals(0, run("stats", run.toString(), "--json"));
        JsonNode json = lastJsonLine();
        assertEquals(TraceSources.open(run).eventCount(), json.get("events").asInt());
        assertTrue(json.get("tracks").asInt() >= 3, json.toString()); // host, guest cpu0, counters
        assertEquals(45_000.0, json.get("duration_us").asDouble(), 1.0);
        JsonNode phases = json.get("phases");
        boolean timer = false;
        for (JsonNode p : phases) {
            assertTrue(p.has("name") && p.has("count") && p.has("total_us") && p.has("self_us"), p.toString());
            timer |= p.get("name").asText().equals("boot.timer");
        }
        assertTrue(timer);
        assertEquals("boot.serial", json.get("critical_path").get("stages").get(0).get("name").asText());
    }

    @Test
    void statsTableOfTheChromiumTrace() throws Exception {
        assertEquals(0, run("stats", Fixtures.chromium().toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ThreadControllerImpl::RunTask"), text);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("never ended"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exportWritesChromeJsonThatReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-tracestorm.trace.log", 30, 32, 35, 40, 60);
        Path target = dir.resolve("out.json");
        assertEquals(0, run("export", run.toString(), "--format", "chrome", "-o", target.toString()));
        Trace back = TraceFiles.load(target);
        assertEquals(Fixtures.eventLines(TraceSources.open(run)), Fixtures.eventLines(back));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("wrote"));
    }

    @Test
    void diffOfTwoRunsJson(@TempDir Path dir) throws Exception {
        Path a = RunDirs.make(dir.resolve("a"), "kernel-hello.trace.log", 30, 32, 35, 40, 45);
        Path b = RunDirs.make(dir.resolve("b"), "kernel-tracestorm.trace.log", 50, 52, 55, 60, 80);
        assertEquals(0, run("diff", a.toString(), b.toString(), "--json"));
        JsonNode phases = lastJsonLine().get("phases");
        double previous = Double.MAX_VALUE;
        for (JsonNode p : phases) {
            double change = Math.abs(p.get("delta_us").asDouble());
            assertTrue(change <= previous, "sorted by size of change");
            previous = change;
        }
        assertEquals("qemu.startup", phases.get(0).get("name").asText(), "30 ms -> 50 ms is the largest change");
        JsonNode storm = null;
        for (JsonNode p : phases) {
            storm = p.get("name").asText().equals("app.tracestorm") ? p : storm;
        }
        assertEquals(0, storm.get("count_a").asInt());
        assertEquals(1, storm.get("count_b").asInt());
    }

    @Test
    void garbageAndMistakesAreExplained(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {0, 1, 2, 3, 'x'});
        assertEquals(1, run("stats", junk.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a trace I can read"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("stats", dir.resolve("missing.json").toString()));
        assertThrows(CliCommand.UsageException.class, () -> run("stats"));
        assertThrows(CliCommand.UsageException.class, () -> run("export", junk.toString(), "--format", "svg", "-o", "x"));
        assertThrows(CliCommand.UsageException.class, () -> run("frobnicate"));
    }
}
