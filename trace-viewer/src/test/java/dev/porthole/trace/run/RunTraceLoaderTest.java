package dev.porthole.trace.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.RunDirs;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTraceLoaderTest {

    private static int find(Trace trace, Track track, String name) {
        for (int e = track.firstEvent(); e < track.endEvent(); e++) {
            if (trace.name(e).equals(name)) {
                return e;
            }
        }
        throw new AssertionError(name + " not on " + track.label());
    }

    @Test
    void hostPhasesAndGuestStagesShareOneAxisAlignedOnTheFirstTraceLine(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 35, 40, 60);
        Trace trace = TraceSources.open(run);

        Track host = trace.tracks().stream().filter(t -> t.kind() == TrackKind.HOST).findFirst().orElseThrow();
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        int startup = find(trace, host, "qemu.startup");
        assertEquals(0, trace.start(startup), "spawn is the axis origin");
        assertEquals(32_000_000, trace.duration(startup), "spawn to cont");
        int firstLine = find(trace, host, "first_trace_line");
        assertEquals(40_000_000, trace.start(firstLine));

        // the stream's first record is placed where the host saw the first line arrive
        int entry = find(trace, guest, "boot.entry");
        assertEquals(trace.start(firstLine), trace.start(entry));
        int serial = find(trace, guest, "boot.serial");
        // B boot.serial at tsc 3714374, boot.entry at 3409576, tsc_hz 2604089210
        assertEquals((3714374L - 3409576L) * 1_000_000_000L / 2604089210L, trace.start(serial) - trace.start(entry), 1);
        assertTrue(trace.report().warnings().stream().anyMatch(w -> w.contains("aligned")), "the approximation is stated");
        int running = find(trace, host, "guest.running");
        assertEquals(32_000_000, trace.start(running), "the guest starts at cont");
        assertEquals(60_000_000, trace.end(running));
    }

    @Test
    void guestStagesAreNeverPlacedAfterQemuExited(@TempDir Path dir) throws Exception {
        // exit 2 ms after the first trace line, but the stream spans ~5.8 ms from its first record
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 35, 40, 42);
        Trace trace = TraceSources.open(run);
        Track host = trace.tracks().stream().filter(t -> t.kind() == TrackKind.HOST).findFirst().orElseThrow();
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        int exit = find(trace, host, "exit");
        assertEquals(trace.start(exit), trace.end(find(trace, guest, "app.hello")));
    }

    @Test
    void aRunWhoseGuestDiedBeforeTracingStillShowsTheHost(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 35, 40, 45);
        Files.writeString(run.resolve("trace.log"), "");
        Trace trace = TraceSources.open(run);
        assertTrue(trace.tracks().stream().allMatch(t -> t.kind() == TrackKind.HOST));
        assertEquals(45_000_000, trace.endTime());
        assertTrue(trace.report().warnings().stream().anyMatch(w -> w.contains("no guest stages")));
    }

    @Test
    void aHeaderWithTscAlignsExactly(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 35, 40, 60);
        // 1 GHz for round numbers: the header was written at tsc 5,000,000 = 5 ms of guest time
        Files.writeString(run.resolve("trace.log"), "#porthole-trace 1 tsc_hz=1000000000 tsc=5000000\n"
                + "B 1000000 boot.a\nE 4000000 boot.a\nB 6000000 app\nE 9000000 app\n");
        Trace trace = TraceSources.open(run);
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        // first line arrived at 40 ms, written at guest 5 ms: boot.a (guest 1 ms) sits at 36 ms
        assertEquals(36_000_000, trace.start(find(trace, guest, "boot.a")));
        assertEquals(41_000_000, trace.start(find(trace, guest, "app")));
        assertTrue(trace.report().warnings().stream().noneMatch(w -> w.contains("aligned")), trace.report().warnings().toString());
    }

    @Test
    void aUnikraftRunPutsItsConsoleLanesOnTheHostAxis(@TempDir Path dir) throws Exception {
        Path run = RunDirs.make(dir.resolve("run"), "kernel-hello.trace.log", 30, 32, 80, 40, 300);
        Files.writeString(run.resolve("trace.log"), "");
        Files.copy(dev.porthole.trace.Fixtures.unikraft(), run.resolve("serial.log"));
        Trace trace = TraceSources.open(run);
        Track boot = trace.tracks().stream().filter(t -> t.name().equals("libukboot")).findFirst().orElseThrow();
        assertEquals(TrackKind.LANE, boot.kind());
        // guest time 0 = first console byte (80 ms after spawn); "Calling main" was logged at 0.109064
        assertEquals(80_000_000 + 109_064_000, trace.start(find(trace, boot, "Calling main(3, ['build-hello/helloworld_qemu-x86_64', 'hello', 'args'])")));
        assertTrue(trace.tracks().stream().anyMatch(t -> t.kind() == TrackKind.HOST));
    }
}
