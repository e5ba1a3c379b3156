package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import dev.porthole.trace.run.RunTraceLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Following a run while it happens: lines arrive on other threads, the view grows and keeps it all in view. */
@ExtendWith(ApplicationExtension.class)
class LiveFollowTest {
    private TraceWorkbenchPane pane;
    private final List<Integer> seenEventCounts = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        pane = new TraceWorkbenchPane();
        pane.getTimeline().getModel().traceProperty().addListener((o, was, now) -> {
            if (now != null) {
                seenEventCounts.add(now.eventCount());
            }
        });
        Scene scene = new Scene(pane, 1200, 760);
        scene.getStylesheets().add(ViewFixtures.themeStylesheet(true));
        stage.setScene(scene);
        stage.show();
    }

    private TimelineViewModel model() {
        return pane.getTimeline().getModel();
    }

    @Test
    void linesAppendedFromAnotherThreadGrowTheTraceAndTheViewFollows(FxRobot robot) throws Exception {
        Path log = ViewFixtures.kernelRun("app=tracestorm count=3000").resolve(RunTraceLoader.TRACE_LOG);
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        Trace whole = TraceFiles.load(log);
        robot.interact(() -> pane.followLive());
        Thread guest = new Thread(() -> {
            for (int i = 0; i < lines.size(); i++) {
                pane.appendLiveLine(lines.get(i), System.nanoTime());
                if (i % 200 == 199) {
                    try {
                        Thread.sleep(30); // a guest writes in bursts; give the view pulses in between
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "fake-trace-channel");
        guest.start();
        guest.join();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxThread.call(
                () -> model().getTrace() != null && model().getTrace().eventCount() == whole.eventCount()));
        assertTrue(seenEventCounts.stream().distinct().count() >= 2,
                "the trace was shown while it grew, not only at the end: " + seenEventCounts);
        for (int i = 1; i < seenEventCounts.size(); i++) {
            assertTrue(seenEventCounts.get(i) >= seenEventCounts.get(i - 1), "it only grows: " + seenEventCounts);
        }
        FxThread.run(() -> {
            Trace shown = model().getTrace();
            assertTrue(model().isFollowing());
            assertTrue(model().getViewStart() <= shown.startTime() && model().getViewEnd() >= shown.endTime(),
                    "the whole trace is in view while following");
        });
        assertTrue(pane.getPhaseTable().getTable().getItems().stream().anyMatch(p -> p.name().equals("app.tracestorm")),
                "the phase table follows too");

        robot.interact(() -> pane.getTimeline().getLanesArea().requestFocus());
        robot.type(KeyCode.W);
        assertFalse(model().isFollowing(), "zooming stops following");
    }

    @Test
    void followingARealGuestShowsItsBootStagesAndHostPhasesOnOneAxis(FxRobot robot, @TempDir Path runs) throws Exception {
        LaunchSpec spec = LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG).append("app=hello").runsRoot(runs).build();
        Path runDir;
        try (Guest guest = new QemuLauncher().launch(spec)) {
            robot.interact(() -> pane.followLive(guest));
            guest.awaitExit(Duration.ofSeconds(60));
            guest.trace().closed().get(30, TimeUnit.SECONDS);
            runDir = guest.runDir();
        }
        Trace finished = RunTraceLoader.load(runDir);
        Set<String> expected = sliceNames(finished, TrackKind.GUEST_CPU);
        assertTrue(expected.contains("boot.timer"), "the kernel traced its boot: " + expected);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxThread.call(
                () -> model().getTrace() != null && sliceNames(model().getTrace(), TrackKind.GUEST_CPU).equals(expected)
                        && eventNames(model().getTrace(), TrackKind.HOST).contains("exit")));
        Trace live = FxThread.call(() -> model().getTrace());
        assertTrue(eventNames(live, TrackKind.HOST).containsAll(Set.of("spawn", "exit")),
                "the host lane shows QEMU's spawn and exit: " + eventNames(live, TrackKind.HOST));
        assertEquals(finished.durationTime(), live.durationTime(), finished.durationTime() / 20.0,
                "live and recorded traces span the same time: live " + describe(live) + "; recorded " + describe(finished));
        robot.interact(() -> pane.stopFollowing());
        assertFalse(pane.isLive());
    }

    private static String describe(Trace t) {
        StringBuilder out = new StringBuilder();
        for (int e = 0; e < t.eventCount(); e++) {
            if (t.track(t.trackOf(e)).kind() == TrackKind.HOST || t.name(e).equals("boot.entry")) {
                out.append(t.name(e)).append('@').append(t.start(e) / 1000).append("us+").append(t.duration(e) / 1000).append(' ');
            }
        }
        return out.toString();
    }

    private static Set<String> eventNames(Trace trace, TrackKind kind) {
        Set<String> names = new TreeSet<>();
        for (Track t : trace.tracks()) {
            if (t.kind() == kind) {
                for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                    names.add(trace.name(e));
                }
            }
        }
        return names;
    }

    private static Set<String> sliceNames(Trace trace, TrackKind kind) {
        Set<String> names = new TreeSet<>();
        for (Track t : trace.tracks()) {
            if (t.kind() == kind) {
                for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                    if (trace.kind(e) == dev.porthole.trace.model.EventKind.SLICE) {
                        names.add(trace.name(e));
                    }
                }
            }
        }
        return names;
    }
}
