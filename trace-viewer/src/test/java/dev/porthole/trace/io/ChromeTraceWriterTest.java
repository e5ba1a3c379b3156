package dev.porthole.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.trace.Fixtures;
import dev.porthole.trace.model.Trace;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceWriterTest {

    private static Trace roundTrip(Trace trace) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceWriter.write(trace, out);
        return TraceFiles.load(out.toByteArray(), "written.json");
    }

    @Test
    void chromiumTraceSurvivesReadWriteRead() throws Exception {
        Trace first = TraceFiles.load(Fixtures.chromium());
        Trace second = roundTrip(first);
        assertEquals(first.eventCount(), second.eventCount());
        assertEquals(Fixtures.eventLines(first), Fixtures.eventLines(second));
        assertTrue(second.report().warnings().isEmpty(), second.report().warnings().toString());
    }

    @Test
    void kernelAndUnikraftTracesSurviveToo() throws Exception {
        Trace kernel = TraceFiles.load(Fixtures.resource("kernel-tracestorm.trace.log"), "storm.log");
        assertEquals(Fixtures.eventLines(kernel), Fixtures.eventLines(roundTrip(kernel)));
        Trace unikraft = TraceFiles.load(Fixtures.unikraft());
        assertEquals(Fixtures.eventLines(unikraft), Fixtures.eventLines(roundTrip(unikraft)));
    }

    @Test
    void writesWhatPerfettoExpects(@TempDir Path dir) throws Exception {
        Trace kernel = TraceFiles.load(Fixtures.resource("kernel-hello.trace.log"), "hello.log");
        Path file = dir.resolve("out.json.gz");
        ChromeTraceWriter.write(kernel, file);
        Trace back = TraceFiles.load(file);
        assertEquals(kernel.eventCount(), back.eventCount());
        // An export is for sharing: it gets the permissions of any new file here (the umask), not a temp file's 0600.
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "a temporary file was left behind");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceWriter.write(kernel, out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        JsonNode events = root.get("traceEvents");
        boolean processName = false;
        boolean threadName = false;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            assertTrue(e.has("pid") && e.has("name"), e.toString());
            if (ph.equals("M")) {
                processName |= e.get("name").asText().equals("process_name") && e.get("args").get("name").asText().equals("guest");
                threadName |= e.get("name").asText().equals("thread_name") && e.get("args").get("name").asText().equals("cpu0");
            } else {
                assertTrue(e.get("ts").isNumber(), e.toString());
                if (ph.equals("X")) {
                    assertTrue(e.get("dur").isNumber());
                }
            }
        }
        assertTrue(processName && threadName);
        assertEquals("1.5", ChromeTraceWriter.micros(1500));
        assertEquals("2", ChromeTraceWriter.micros(2000));
        assertEquals("-0.001", ChromeTraceWriter.micros(-1));
    }
}
