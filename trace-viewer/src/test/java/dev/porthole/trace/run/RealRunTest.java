package dev.porthole.trace.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.cli.RunCommand;
import dev.porthole.trace.Fixtures;
import dev.porthole.trace.analysis.CriticalPath;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on the real thing: boot the sample kernel under QEMU (TCG), then read its run record. */
class RealRunTest {

    private static int find(Trace trace, Track track, String name) {
        for (int e = track.firstEvent(); e < track.endEvent(); e++) {
            if (trace.name(e).equals(name)) {
                return e;
            }
        }
        throw new AssertionError(name + " not on " + track.label());
    }

    @Test
    void aRealBootPutsHostPhasesAndGuestStagesOnOneAxis(@TempDir Path runs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new RunCommand().run(List.of("--accel", "tcg", "--append", "app=hello", "--runs", runs.toString(),
                        "--json"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, status, String.join("\n", lines));
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        Path runDir = Path.of(json.get("run_dir").asText());

        Trace trace = TraceSources.open(runDir);
        Track host = trace.tracks().stream().filter(t -> t.kind() == TrackKind.HOST).findFirst().orElseThrow();
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        int running = find(trace, host, "guest.running");
        int firstLine = find(trace, host, "first_trace_line");
        int hello = find(trace, guest, "app.hello");
        assertEquals(0, trace.start(find(trace, host, "qemu.startup")), "spawn is time 0");
        // (the host may stamp first_trace_line after exit when a fast guest's stream is drained late, so the
        // guarantee is about the guest's stages, not that stamp)
        assertTrue(trace.start(firstLine) >= trace.start(running), "a trace line cannot arrive before the guest ran");
        assertTrue(trace.start(hello) > 0, "the guest runs after QEMU was spawned");
        assertTrue(trace.end(hello) <= trace.end(running), "and its application ends before QEMU exits: "
                + Fixtures.eventLines(trace) + " " + java.nio.file.Files.readString(runDir.resolve("timings.json")));
        CriticalPath path = CriticalPath.of(trace);
        assertEquals("boot.serial", path.stages().get(0).name());
        assertEquals("app.hello", path.stages().get(path.stages().size() - 1).name());
    }
}
