package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.launcher.HostTimings;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TrackKind;
import dev.porthole.trace.run.RunTraceLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Building a run's trace from lines as they come, and the view model following it, without a window. */
class LiveTraceTest {
    private static List<String> lines;

    @BeforeAll
    static void bootKernel() throws Exception {
        Path run = ViewFixtures.kernelRun("app=hello");
        lines = Files.readAllLines(run.resolve(RunTraceLoader.TRACE_LOG), StandardCharsets.ISO_8859_1);
    }

    private static int event(Trace t, String name) {
        for (int e = 0; e < t.eventCount(); e++) {
            if (t.name(e).equals(name)) {
                return e;
            }
        }
        return -1;
    }

    @Test
    void theTraceGrowsLineByLineAndTheSelectionFollowsItsEvent() {
        HostTimings timings = new HostTimings();
        long[] now = {1_000_000_000L};
        timings.stamp(HostTimings.Stamp.SPAWN, now[0]);
        LiveTrace live = new LiveTrace(timings, () -> now[0], "test run");
        assertEquals(0, live.build().tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).count(),
                "before any line there is no guest lane");
        int half = lines.size() / 2;
        for (int i = 0; i < half; i++) {
            live.append(lines.get(i), now[0] + 100_000_000L);
        }
        timings.stamp(HostTimings.Stamp.FIRST_TRACE_LINE, now[0] + 100_000_000L);
        now[0] += 150_000_000L;
        Trace partial = live.build();
        TimelineViewModel model = new TimelineViewModel();
        model.setFollowing(true);
        model.updateTrace(partial);
        int timer = event(partial, "boot.cmdline");
        assertTrue(timer >= 0, "boot.cmdline is in the first half of the stream");
        model.select(timer);
        long running = partial.durationTime();

        for (int i = half; i < lines.size(); i++) {
            live.append(lines.get(i), now[0]);
        }
        assertTrue(live.hasNewLines());
        now[0] += 50_000_000L;
        Trace whole = live.build();
        assertFalse(live.hasNewLines());
        assertTrue(whole.eventCount() > partial.eventCount(), "the trace grew");
        assertTrue(whole.durationTime() > running, "the still-running host phase grew with time");
        model.updateTrace(whole);
        assertEquals("boot.cmdline", whole.name(model.getSelectedEvent()), "the selection follows its event");
        assertTrue(model.getViewStart() <= whole.startTime() && model.getViewEnd() >= whole.endTime(),
                "following keeps the whole trace in view");

        timings.stamp(HostTimings.Stamp.EXIT, now[0] + 10_000_000L);
        assertTrue(live.stampsChangedSinceLastBuild(), "QEMU's exit is worth one more build");
        Trace ended = live.build();
        assertFalse(live.stillRunning());
        assertTrue(event(ended, "exit") >= 0);
        int runningPhase = event(ended, "guest.running");
        assertTrue(runningPhase >= 0);
        assertEquals(ended.start(event(ended, "exit")), ended.end(runningPhase), "guest.running ends at the exit");
    }
}
