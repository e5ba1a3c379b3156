package dev.porthole.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path runs;

    private Path run(String id, String exitJson, String timingsJson) throws IOException {
        Path dir = Files.createDirectories(runs.resolve(id));
        Files.writeString(dir.resolve("serial.log"), "Hello from Porthole!\n");
        if (exitJson != null) {
            Files.writeString(dir.resolve("exit.json"), exitJson);
        }
        if (timingsJson != null) {
            Files.writeString(dir.resolve("timings.json"), timingsJson);
        }
        Files.writeString(dir.resolve("launch.json"), "{\"spec\":{\"append\":\"app=hello\",\"machine\":\"MICROVM\"}}");
        return dir;
    }

    @Test
    void listsNewestFirstWithOutcomesAndTimes() throws IOException {
        run("20261126-101500-1", "{\"reason\":\"EXIT\",\"code\":0}", "{\"ms_since_spawn\":{\"exit\":31.5}}");
        run("20261126-101500-10", "{\"reason\":\"PANIC\",\"code\":3}", null);
        run("20261126-101500-2", null, null);

        List<RunSummary> list = new RunHistory(runs).list();
        assertEquals(List.of("20261126-101500-10", "20261126-101500-2", "20261126-101500-1"), list.stream().map(RunSummary::id).toList());
        assertEquals("panic 3", list.get(0).outcome());
        assertEquals("running or cut off", list.get(1).outcome());
        RunSummary ok = list.get(2);
        assertTrue(ok.succeeded());
        assertEquals(31.5, ok.spawnToExitMs().getAsDouble());
        assertEquals("app=hello", ok.append());
        assertEquals("microvm", ok.machine());
        assertFalse(ok.hasTrace());
    }

    @Test
    void aBrokenJsonFileDoesNotHideTheRun() throws IOException {
        run("20261126-101500-1", "{\"reason\": ", null);
        assertEquals("running or cut off", new RunHistory(runs).list().get(0).outcome());
    }

    @Test
    void noRunsFolderIsAnEmptyHistory() throws IOException {
        assertEquals(List.of(), new RunHistory(runs.resolve("absent")).list());
    }
}
