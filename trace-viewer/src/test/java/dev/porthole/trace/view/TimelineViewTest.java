package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The timeline as a user drives it, on the real kernel's boot trace (booted under QEMU once for the class). */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    static final List<String> BOOT_STAGES = List.of("boot.serial", "boot.cmdline", "boot.gdt", "boot.idt", "boot.memmap",
            "boot.kalloc", "boot.heap", "boot.timer", "boot.vm", "app.hello");
    private static Trace trace;
    private TraceWorkbenchPane pane;
    private TimelineView view;
    private TimelineViewModel model;

    @BeforeAll
    static void bootKernel() {
        trace = ViewFixtures.kernelTrace();
    }

    @Start
    void start(Stage stage) {
        pane = new TraceWorkbenchPane();
        pane.show(trace);
        view = pane.getTimeline();
        model = view.getModel();
        Scene scene = new Scene(pane, 1200, 760);
        scene.getStylesheets().add(ViewFixtures.themeStylesheet(true));
        stage.setScene(scene);
        stage.show();
    }

    private static int event(String name) {
        for (int e = 0; e < trace.eventCount(); e++) {
            if (trace.name(e).equals(name)) {
                return e;
            }
        }
        throw new AssertionError("the kernel trace has no " + name);
    }

    private Point2D screenPointOf(FxRobot robot, int e) {
        Point2D local = FxThread.call(() -> view.pointOf(e));
        assertNotNull(local, trace.name(e) + " is not on screen");
        return FxThread.call(() -> view.getLanesArea().localToScreen(local));
    }

    private void focusLanes(FxRobot robot) {
        robot.interact(() -> view.getLanesArea().requestFocus());
    }

    @Test
    void bootStagesAreSlicesOnTheGuestLane(FxRobot robot) {
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        assertNotNull(model.getLayout().laneOf(guest.id()), "the guest CPU has a lane");
        for (String stage : BOOT_STAGES) {
            int e = event(stage);
            assertEquals(guest.id(), trace.trackOf(e), stage + " is on the guest lane");
            assertEquals(EventKind.SLICE, trace.kind(e));
            robot.interact(() -> model.zoomToEvent(e));
            Point2D at = FxThread.call(() -> view.pointOf(e));
            assertNotNull(at, stage + " is drawn");
            assertEquals(e, (int) FxThread.call(() -> view.eventAt(at.getX(), at.getY())),
                    "the hit test at " + stage + "'s drawn position finds it");
        }
    }

    @Test
    void wZoomsInAndSZoomsOut(FxRobot robot) {
        focusLanes(robot);
        long span = model.getViewSpan();
        robot.type(KeyCode.W);
        assertTrue(model.getViewSpan() < span, "W shrinks the visible range");
        long zoomed = model.getViewSpan();
        robot.type(KeyCode.S);
        assertTrue(model.getViewSpan() > zoomed, "S widens it again");
    }

    @Test
    void aAndDPan(FxRobot robot) {
        robot.interact(() -> model.zoom(0.05, model.centre()));
        focusLanes(robot);
        long start = model.getViewStart();
        long span = model.getViewSpan();
        robot.type(KeyCode.D);
        assertTrue(model.getViewStart() > start, "D moves to later times");
        robot.type(KeyCode.A, 2);
        assertTrue(model.getViewStart() < start, "A moves to earlier times");
        assertEquals(span, model.getViewSpan(), "panning keeps the zoom");
    }

    @Test
    void searchHighlightsOneMatchAndEnterSelectsItAndTheDetailsShowItsDuration(FxRobot robot) {
        focusLanes(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertTrue(view.getSearchField().isFocused(), "Ctrl+F goes to the search field");
        robot.write("boot.timer");
        assertEquals(1, model.getMatches().count());
        assertEquals("1 match", robot.lookup("#trace-match-count").queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        int timer = event("boot.timer");
        assertEquals(timer, model.getSelectedEvent());
        assertEquals("boot.timer", robot.lookup("#details-name").queryAs(Label.class).getText());
        assertEquals(TimeFormat.duration(trace.duration(timer)),
                robot.lookup("#details-duration").queryAs(Label.class).getText());
        robot.type(KeyCode.ESCAPE);
        assertEquals(0, model.getMatches().count(), "Esc clears the search");
        assertEquals("", view.getSearchField().getText());
    }

    @Test
    void clickingASliceSelectsItAndDoubleClickZoomsToIt(FxRobot robot) {
        int heap = event("boot.kalloc");
        robot.interact(() -> {
            model.select(event("boot.memmap"));
            model.zoomToSelection();
            model.zoom(3, model.centre());
            model.select(-1);
        });
        robot.clickOn(screenPointOf(robot, heap), MouseButton.PRIMARY);
        assertEquals(heap, model.getSelectedEvent());
        assertEquals("boot.kalloc", robot.lookup("#details-name").queryAs(Label.class).getText());
        robot.doubleClickOn(screenPointOf(robot, heap), MouseButton.PRIMARY);
        assertEquals(trace.duration(heap) / TimelineViewModel.EVENT_FILL, model.getViewSpan(), 2,
                "double-click zooms to the event");
    }

    @Test
    void hoveringASliceShowsItsNameAndDuration(FxRobot robot) {
        int timer = event("boot.timer");
        robot.interact(() -> model.zoomToEvent(timer));
        robot.moveTo(screenPointOf(robot, timer));
        assertEquals(timer, model.getHoveredEvent());
        assertTrue(robot.lookup("#trace-hover").query().isVisible());
        assertEquals("boot.timer", robot.lookup(".ph-hover-name").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".ph-hover-timing").queryAs(Label.class).getText()
                .contains(TimeFormat.duration(trace.duration(timer))));
    }

    @Test
    void clickingAGroupHeaderCollapsesItsLanes(FxRobot robot) {
        Track guest = trace.tracks().stream().filter(t -> t.kind() == TrackKind.GUEST_CPU).findFirst().orElseThrow();
        String key = LaneLayout.groupKey(guest);
        int timer = event("boot.timer");
        robot.interact(() -> model.zoomToEvent(timer));
        assertNotNull(FxThread.call(() -> view.pointOf(timer)));
        Point2D header = FxThread.call(() -> view.getLanesArea().localToScreen(view.pointOfGroup(key)));
        robot.clickOn(header);
        assertTrue(model.getCollapsedGroups().contains(key));
        assertNull(model.getLayout().laneOf(guest.id()), "the guest's lanes are hidden");
        assertNull(FxThread.call(() -> view.pointOf(timer)), "its slices are no longer drawn");
        robot.clickOn(FxThread.call(() -> view.getLanesArea().localToScreen(view.pointOfGroup(key))));
        assertFalse(model.getCollapsedGroups().contains(key));
        assertNotNull(FxThread.call(() -> view.pointOf(timer)));
    }

    @Test
    void ctrlWheelZoomsAndDragPans(FxRobot robot) {
        int timer = event("boot.timer");
        robot.interact(() -> model.zoomToEvent(timer));
        Point2D at = screenPointOf(robot, timer);
        long span = model.getViewSpan();
        robot.moveTo(at).press(KeyCode.CONTROL).scroll(2, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        assertTrue(model.getViewSpan() != span, "Ctrl+wheel zooms");
        long start = model.getViewStart();
        robot.drag(at, MouseButton.PRIMARY).moveBy(-200, 0).drop();
        assertTrue(model.getViewStart() > start, "dragging to the left shows later times");
    }

    @Test
    void clickingAPhaseInTheTableHighlightsAndSelectsIt(FxRobot robot) {
        robot.clickOn(rowOf(robot, "boot.timer"));
        int timer = event("boot.timer");
        assertEquals(timer, model.getSelectedEvent());
        assertEquals(1, model.getMatches().count());
        assertTrue(model.getViewStart() <= trace.start(timer) && trace.end(timer) <= model.getViewEnd());
    }

    private javafx.scene.Node rowOf(FxRobot robot, String phase) {
        return robot.lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null
                && r.getItem() instanceof dev.porthole.trace.analysis.PhaseStats s && s.name().equals(phase)).query();
    }
}
