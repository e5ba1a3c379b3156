package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model alone, on the real kernel's boot trace: what keys and buttons do, without a robot. */
class TimelineViewModelTest {
    private static Trace trace;
    private TimelineViewModel model;

    @BeforeAll
    static void bootKernel() {
        trace = ViewFixtures.kernelTrace();
    }

    @BeforeEach
    void showTrace() {
        model = new TimelineViewModel();
        model.setTrace(trace);
    }

    private int event(String name) {
        for (int e = 0; e < trace.eventCount(); e++) {
            if (trace.name(e).equals(name)) {
                return e;
            }
        }
        throw new AssertionError("the kernel trace has no " + name);
    }

    @Test
    void showsTheWholeTraceWithAMargin() {
        assertTrue(model.getViewStart() < trace.startTime());
        assertTrue(model.getViewEnd() > trace.endTime());
        assertTrue(model.getViewSpan() < trace.durationTime() * 1.1);
    }

    @Test
    void zoomKeepsTheAnchorInPlaceAndStopsAtTheLimits() {
        long anchor = trace.start(event("boot.timer"));
        double shareBefore = (anchor - model.getViewStart()) / (double) model.getViewSpan();
        long span = model.getViewSpan();
        model.zoomIn(anchor);
        assertTrue(model.getViewSpan() < span, "W shrinks the visible span");
        double shareAfter = (anchor - model.getViewStart()) / (double) model.getViewSpan();
        assertEquals(shareBefore, shareAfter, 0.01, "the anchor stays where it was on screen");
        for (int i = 0; i < 200; i++) {
            model.zoomIn(anchor);
        }
        assertEquals(TimelineViewModel.MIN_SPAN_NS, model.getViewSpan());
        for (int i = 0; i < 400; i++) {
            model.zoomOut(anchor);
        }
        assertTrue(model.getViewSpan() <= trace.durationTime() * 1.05, "zooming out stops at the whole trace");
    }

    @Test
    void panMovesByAShareOfTheSpanAndStopsAtTheEdges() {
        model.zoom(0.1, model.centre());
        long start = model.getViewStart();
        long span = model.getViewSpan();
        model.panRight();
        assertEquals(start + (long) (span * TimelineViewModel.PAN_STEP), model.getViewStart());
        model.panLeft();
        assertEquals(start, model.getViewStart());
        for (int i = 0; i < 100; i++) {
            model.panLeft();
        }
        assertTrue(model.getViewStart() >= trace.startTime() - trace.durationTime() * 0.03);
        assertEquals(span, model.getViewSpan(), "panning never zooms");
    }

    @Test
    void searchFindsOneBootTimerAndNextSelectsAndRevealsIt() {
        model.zoom(0.001, trace.startTime()); // look somewhere else first
        model.search("boot.timer");
        assertEquals(1, model.getMatches().count());
        assertEquals(-1, model.getSelectedEvent(), "searching alone selects nothing");
        model.nextMatch();
        int timer = event("boot.timer");
        assertEquals(timer, model.getSelectedEvent());
        assertTrue(model.getViewStart() <= trace.start(timer) && trace.end(timer) <= model.getViewEnd(),
                "the match is brought on screen");
        model.search("boot.");
        assertTrue(model.getMatches().count() >= 9, "every boot stage matches 'boot.'");
        model.nextMatch();
        int first = model.getSelectedEvent();
        model.nextMatch();
        assertTrue(trace.start(model.getSelectedEvent()) >= trace.start(first), "matches go in time order");
        model.previousMatch();
        assertEquals(first, model.getSelectedEvent());
        model.clear();
        assertEquals(0, model.getMatches().count());
        assertEquals(-1, model.getSelectedEvent());
    }

    @Test
    void zoomToSelectionFillsTheViewWithTheEvent() {
        int timer = event("boot.timer");
        model.select(timer);
        model.zoomToSelection();
        assertEquals(trace.duration(timer) / TimelineViewModel.EVENT_FILL, model.getViewSpan(), 2);
        assertTrue(model.getViewStart() < trace.start(timer) && model.getViewEnd() > trace.end(timer));
    }

    @Test
    void collapsingAGroupTakesItsLanesOutOfTheLayout() {
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        Track host = trace.tracks().stream().filter(t -> t.kind() == TrackKind.HOST).findFirst().orElseThrow();
        assertNotNull(model.getLayout().laneOf(guest.id()));
        assertTrue(model.getLayout().groups().get(0).name().equals("host"), "the host group comes first");
        double heightBefore = model.getLayout().height();
        model.toggleGroup(LaneLayout.groupKey(guest));
        assertNull(model.getLayout().laneOf(guest.id()));
        assertNotNull(model.getLayout().laneOf(host.id()));
        assertTrue(model.getLayout().height() < heightBefore);
        model.toggleGroup(LaneLayout.groupKey(guest));
        assertNotNull(model.getLayout().laneOf(guest.id()));
    }

    @Test
    void hostAndGuestShareOneAxis() {
        int spawn = event("spawn"); // host stamps: qmp_ready may be missing when the guest beats the handshake
        int entry = event("boot.entry");
        int exit = event("exit");
        assertTrue(trace.start(spawn) <= trace.start(entry), "QEMU starts before the guest's first instruction");
        assertTrue(trace.start(entry) < trace.start(exit), "the guest runs before QEMU exits");
    }
}
