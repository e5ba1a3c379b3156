package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.analysis.TraceDiff;
import dev.porthole.trace.model.Trace;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two real runs of the kernel (hello, tracestorm) compared: the delta table, its bars, the linked timelines. */
@ExtendWith(ApplicationExtension.class)
class TraceDiffViewTest {
    private static Trace hello;
    private static Trace storm;
    private TraceWorkbenchPane pane;

    @BeforeAll
    static void bootTwice() {
        hello = ViewFixtures.kernelTrace();
        storm = ViewFixtures.load(ViewFixtures.kernelRun("app=tracestorm count=300"));
    }

    @Start
    void start(Stage stage) {
        pane = new TraceWorkbenchPane();
        pane.showDiff(hello, storm, "hello", "tracestorm");
        Scene scene = new Scene(pane, 1200, 760);
        scene.getStylesheets().add(ViewFixtures.themeStylesheet(true));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rowsComeLargestChangeFirstWithBarsForSlowerAndFaster(FxRobot robot) {
        List<TraceDiff.Row> rows = pane.getDiffView().getTable().getItems();
        assertTrue(rows.size() >= 10, "every phase of both runs: " + rows);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Math.abs(rows.get(i - 1).deltaNs()) >= Math.abs(rows.get(i).deltaNs()), "sorted by size of change");
        }
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("app.tracestorm") && r.countA() == 0 && r.countB() == 1),
                "a phase only B has is a change from nothing");
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("app.hello") && r.deltaNs() < 0),
                "a phase only A has is a negative change");
        Node slower = robot.lookup(".ph-diff-slower").query();
        Node faster = robot.lookup(".ph-diff-faster").query();
        assertNotNull(slower);
        assertNotNull(faster);
        assertTrue(slower.getLayoutX() > faster.getLayoutX(), "slower bars grow right of zero, faster ones left");
    }

    @Test
    void bothTimelinesShareTheSpanAndAPhaseClickedIsFoundInBoth(FxRobot robot) {
        TimelineViewModel a = pane.getTimeline().getModel();
        TimelineViewModel b = pane.getTimelineB().getModel();
        long longer = Math.max(hello.durationTime(), storm.durationTime());
        assertEquals(a.getViewSpan(), b.getViewSpan(), "both runs start on the same span");
        assertTrue(a.getViewSpan() >= longer, "the longer run fits: " + a.getViewSpan() + " vs " + longer);
        robot.interact(() -> a.zoom(0.25, a.centre()));
        assertEquals(a.getViewSpan(), b.getViewSpan(), "zooming one run zooms the other");
        assertEquals(a.getViewStart() - hello.startTime(), b.getViewStart() - storm.startTime());
        Node row = robot.lookup("#diff-table .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof TraceDiff.Row d
                && d.name().equals("boot.timer")).query();
        robot.clickOn(row);
        assertEquals("boot.timer", hello.name(a.getSelectedEvent()));
        assertEquals("boot.timer", storm.name(b.getSelectedEvent()));
    }

    @Test
    void everyColumnHasAWidthOfItsOwn() {
        // At JavaFX's default width (80) a column is fitted to its content as the table is first shown, a cell made
        // and styled for each of its first 30 rows in that one frame.
        for (var column : pane.getDiffView().getTable().getColumns()) {
            assertTrue(column.getPrefWidth() != 80, column.getText() + " is at the default width");
        }
    }
}
