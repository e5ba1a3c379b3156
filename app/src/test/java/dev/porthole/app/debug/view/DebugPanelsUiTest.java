package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.Frame;
import dev.porthole.kernel.SampleKernel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panels on screen (headless Monocle), driven as a user would, against the real kernel ({@code app=compute})
 * stopped in {@code app_compute} by a real gdb. Tests that move the target run last.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebugPanelsUiTest {
    private static final List<String> opened = new CopyOnWriteArrayList<>();
    private LiveTarget target;
    private DebugPanels panels;
    private DebugEvent.Stopped stop;

    /** Runs before every test (ApplicationExtension): the panels are made and attached once, then re-shown. */
    @Start
    void start(Stage stage) {
        if (panels == null) {
            panels = new DebugPanels((file, line) -> opened.add(file.getFileName() + ":" + line),
                    new FrameSourceResolver(SampleKernel::sourceDir));
            panels.attach(target.session);
            panels.onStopped(target.session.lastStop().orElse(stop));
        }
        stage.setScene(new Scene(DebugPanelsLayout.forTest(panels), 1270, 790));
        stage.show();
    }

    @BeforeAll
    void boot() throws Exception {
        target = LiveTarget.boot("compute");
        stop = target.runTo("app_compute");
    }

    @AfterAll
    void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    /** Clicks the panel's tab, as a user brings a panel to the front. */
    private static void showTab(FxRobot robot, String title) {
        robot.clickOn((Node) robot.lookup(".tab-label").match(n -> n instanceof Labeled l && title.equals(l.getText())).query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void attachAndStop(FxRobot robot) throws Exception {
        waitFor(() -> !panels.callStack().model().frames().isEmpty(), "call stack");
    }

    private static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("never happened: " + what + screenshot(what), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** On a failure, what the screen showed: a PNG in target/, named in the message. */
    private static String screenshot(String what) {
        try {
            Path file = Path.of("target", "ui-failure-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".png").toAbsolutePath();
            CompletableFuture<Void> done = new CompletableFuture<>();
            javafx.application.Platform.runLater(() -> {
                try {
                    javafx.stage.Window window = javafx.stage.Window.getWindows().get(0);
                    Snapshots.writePng(window.getScene().snapshot(null), file);
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(30, TimeUnit.SECONDS);
            return " (screen: " + file + ")";
        } catch (Exception e) {
            return " (no screenshot: " + e + ")";
        }
    }

    private static Set<String> texts(FxRobot robot, Node under, String selector) {
        return robot.from(under).lookup(selector).queryAll().stream()
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isEmpty()).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void callStackShowsKmainAndClickingItOpensMainC(FxRobot robot) throws Exception {
        showTab(robot, "Call Stack");
        attachAndStop(robot);
        waitFor(() -> texts(robot, panels.callStack(), ".table-cell").contains("kmain"), "kmain on screen");
        assertTrue(texts(robot, panels.callStack(), ".table-cell").contains("app_compute"));

        Node kmainCell = robot.from(panels.callStack()).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && "kmain".equals(c.getText())).query();
        robot.clickOn(kmainCell);
        waitFor(() -> opened.stream().anyMatch(s -> s.startsWith("main.c:")), "main.c opened");
        // the Variables panel follows the chosen frame: kmain's locals replace app_compute's
        waitFor(() -> panels.variables().model().roots().stream().noneMatch(n -> n.name().equals("rounds")),
                "variables of kmain");

        Node appCell = robot.from(panels.callStack()).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && "app_compute".equals(c.getText())).query();
        robot.clickOn(appCell);
        waitFor(() -> panels.variables().model().roots().stream().anyMatch(n -> n.name().equals("rounds")),
                "variables of app_compute again");
    }

    @Test
    @Order(2)
    void registersShowRipAndCr0WithItsBits(FxRobot robot) throws Exception {
        showTab(robot, "Registers");
        long pc = target.session.lastStop().orElse(stop).frame().orElseThrow().address();
        String rip = String.format("0x%016x", pc);
        waitFor(() -> texts(robot, panels.registers(), ".tree-table-cell").contains(rip), "rip " + rip + " shown");
        Set<String> shown = texts(robot, panels.registers(), ".tree-table-cell");
        assertTrue(shown.contains("rflags") && shown.contains("cr0") && shown.contains("efer"), shown.toString());
        String cr0Summary = shown.stream().filter(t -> t.matches("(\\w+ )*PG( \\w+)* PE")).findFirst()
                .orElseThrow(() -> new AssertionError("no decoded CR0 (PG ... PE) among " + shown));
        assertTrue(cr0Summary.startsWith("PG"), cr0Summary);

        robot.interact(() -> panels.registers().setExpanded("cr0", true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> panels.registers().tree().scrollTo(
                panels.registers().tree().getRow(panels.registers().tree().getRoot().getChildren().stream()
                        .filter(i -> i.getValue() instanceof RegistersView.RegisterLine r && r.row().name().equals("cr0"))
                        .findFirst().orElseThrow())));
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> bits = texts(robot, panels.registers(), ".tree-table-cell");
        assertTrue(bits.contains("PG [31]") && bits.contains("PE [0]") && bits.contains("paging"), bits.toString());
    }

    @Test
    @Order(3)
    void variablesShowLocalsAndTheStructExpands(FxRobot robot) throws Exception {
        showTab(robot, "Variables");
        waitFor(() -> texts(robot, panels.variables(), ".tree-table-cell").containsAll(List.of("p", "rounds", "sum")),
                "locals on screen");
        Node pRow = robot.from(panels.variables()).lookup(".tree-table-row-cell")
                .match(n -> n instanceof TreeTableRow<?> r && r.getItem() instanceof ValueNode v && v.name().equals("p")).query();
        robot.clickOn((Node) robot.from(pRow).lookup(".arrow").query());
        waitFor(() -> texts(robot, panels.variables(), ".tree-table-cell").containsAll(List.of("x", "y")), "p.x and p.y shown");
    }

    @Test
    @Order(4)
    void memoryAtTraceRingShowsItsAddressAndBytes(FxRobot robot) throws Exception {
        showTab(robot, "Memory");
        robot.clickOn("#" + MemoryView.ADDRESS_FIELD_ID).write("&trace_ring").type(KeyCode.ENTER);
        String ring = target.await(target.session.evaluate("&trace_ring", 0));
        String address = String.format("%016x", Long.parseUnsignedLong(ring.replaceAll(".*0x([0-9a-f]+).*", "$1"), 16));
        String addressClass = "." + DebugStyles.MEMORY_ADDRESS;
        waitFor(() -> robot.from(panels.memory()).lookup(addressClass).queryAll().stream()
                .anyMatch(n -> address.equals(((Text) n).getText())), "row at " + address);
        byte[] first = target.await(target.session.readMemory("&trace_ring", 16)).bytes();
        Node row = robot.from(panels.memory()).lookup(addressClass).match(n -> address.equals(((Text) n).getText())).query().getParent();
        for (int i = 0; i < 16; i++) {
            String expected = String.format("%02x", first[i] & 0xff);
            assertEquals(expected, ((Text) robot.from(row).lookup("#" + MemoryView.BYTE_ID_PREFIX + i).query()).getText(),
                    "byte " + i);
        }
        // A click on a byte's digits selects that byte's address; the mark covers it and the 7 after it.
        robot.clickOn((Node) robot.from(row).lookup("#" + MemoryView.BYTE_ID_PREFIX + 3).query());
        long rowAddress = Long.parseUnsignedLong(address, 16);
        waitFor(() -> panels.memory().model().selectedAddressProperty().get() == rowAddress + 3, "byte 3 selected");
        Node mark = robot.from(row).lookup("." + DebugStyles.MEMORY_BYTE_SELECTED).query();
        Node byte3 = robot.from(row).lookup("#" + MemoryView.BYTE_ID_PREFIX + 3).query();
        Node byte10 = robot.from(row).lookup("#" + MemoryView.BYTE_ID_PREFIX + 10).query();
        assertTrue(mark.isVisible(), "the selection is marked");
        assertTrue(mark.getBoundsInParent().getMinX() <= byte3.getBoundsInParent().getMinX()
                && mark.getBoundsInParent().getMaxX() >= byte10.getBoundsInParent().getMaxX(), "the mark spans bytes 3 to 10");
        // virtualized: byte labels exist for the visible rows only, not for all 64 rows of the window
        int rows = panels.memory().model().rows().size();
        int byteLabels = robot.from(panels.memory()).lookup("." + DebugStyles.MEMORY_BYTE_TEXT).queryAll().size();
        assertEquals(MemoryViewModel.DEFAULT_WINDOW / 16, rows);
        assertTrue(byteLabels < rows * 16, byteLabels + " byte labels for " + rows + " rows: not virtualized");
    }

    @Test
    @Order(5)
    void disassemblyMarksTheCurrentInstruction(FxRobot robot) throws Exception {
        showTab(robot, "Disassembly");
        waitFor(() -> robot.lookup("#" + DisassemblyView.CURRENT_MARK_ID).tryQuery().isPresent(), "current mark");
        Node cell = robot.lookup("#" + DisassemblyView.CURRENT_MARK_ID).query();
        while (cell != null && !cell.getStyleClass().contains("list-cell")) {
            cell = cell.getParent();
        }
        assertTrue(cell != null && cell.getStyleClass().contains(DebugStyles.CURRENT_LINE));
        long pc = target.session.lastStop().orElse(stop).frame().orElseThrow().address();
        assertTrue(texts(robot, cell, ".label").contains(String.format("0x%016x", pc)), texts(robot, cell, ".label").toString());
    }

    @Test
    @Order(6)
    void monitorInfoRegistersPrintsRip(FxRobot robot) throws Exception {
        showTab(robot, "QEMU Monitor");
        robot.clickOn("#" + MonitorView.INPUT_ID).write("info registers").type(KeyCode.ENTER);
        waitFor(() -> panels.monitor().console().getText().contains("RIP="), "RIP= in the console");
        assertTrue(panels.monitor().console().getText().contains("(qemu) info registers"));
        robot.clickOn("#" + MonitorView.INPUT_ID).type(KeyCode.UP);
        assertEquals("info registers", panels.monitor().input().getText());
        robot.type(KeyCode.ENTER);
    }

    @Test
    @Order(7)
    void breakpointAddedByTypingAppearsAndDeletes(FxRobot robot) throws Exception {
        showTab(robot, "Breakpoints");
        robot.clickOn("#" + BreakpointsView.LOCATION_FIELD_ID).write("compute_step").type(KeyCode.ENTER);
        waitFor(() -> texts(robot, panels.breakpoints(), ".table-cell").stream().anyMatch(t -> t.startsWith("compute_step")),
                "compute_step listed");
        Node cell = robot.from(panels.breakpoints()).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().startsWith("compute_step")).query();
        // untick its checkbox: gdb disables it
        Node row = cell.getParent();
        robot.clickOn((Node) robot.from(row).lookup(".check-box").query());
        waitFor(() -> panels.breakpoints().model().rows().stream()
                .anyMatch(r -> r.location().startsWith("compute_step") && !r.breakpoint().enabled()), "compute_step disabled");
        cell = robot.from(panels.breakpoints()).lookup(".table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().startsWith("compute_step")).query();
        robot.clickOn(cell);
        robot.clickOn("#" + BreakpointsView.DELETE_BUTTON_ID);
        waitFor(() -> texts(robot, panels.breakpoints(), ".table-cell").stream().noneMatch(t -> t.startsWith("compute_step")),
                "compute_step deleted");
    }

    @Test
    @Order(8)
    void watchOnComputeResultIsHighlightedAfterSteps(FxRobot robot) throws Exception {
        showTab(robot, "Watch");
        robot.clickOn("#" + WatchView.EXPRESSION_FIELD_ID).write("compute_result").type(KeyCode.ENTER);
        waitFor(() -> !panels.watch().model().roots().isEmpty() && panels.watch().model().roots().get(0).handle().isPresent(),
                "watch evaluated");
        String before = panels.watch().model().roots().get(0).value();
        for (int i = 0; i < 30 && panels.watch().model().roots().get(0).value().equals(before); i++) {
            robot.interact(panels::onRunning);
            DebugEvent.Stopped stepped = target.await(target.session.next());
            robot.interact(() -> panels.onStopped(stepped));
            waitFor(() -> !panels.variables().model().roots().isEmpty() && !panels.registers().model().rows().isEmpty(),
                    "panels refreshed");
        }
        String now = panels.watch().model().roots().get(0).value();
        assertTrue(!now.equals(before), "compute_result never changed");
        Optional<Node> marked = robot.from(panels.watch()).lookup(".tree-table-cell").match(n ->
                n instanceof TreeTableCell<?, ?> c && now.equals(c.getText())
                        && c.getStyleClass().contains(DebugStyles.CHANGED_VALUE)).tryQuery();
        assertTrue(marked.isPresent(), "the changed value " + now + " carries " + DebugStyles.CHANGED_VALUE);
        // rip moved with the steps, and the register panel says so
        assertTrue(panels.registers().model().row("rip").orElseThrow().changed());
    }

    @Test
    @Order(9)
    void aStepRedrawsTheRegistersInPlace(FxRobot robot) throws Exception {
        showTab(robot, "Registers");
        waitFor(() -> !panels.registers().model().rows().isEmpty(), "registers read");
        TreeItem<RegistersView.Line<?>> ripBefore = registerItem("rip");
        String ripValueBefore = panels.registers().model().row("rip").orElseThrow().value();
        robot.interact(panels::onRunning);
        assertTrue(robot.from(panels.registers()).lookup((Node n) -> n instanceof Labeled l && "Not stopped.".equals(l.getText())
                && shownWithin(n, panels.registers())).tryQuery().isPresent(), "while the guest runs the panel says so");
        assertEquals(PanelView.RUNNING_OPACITY, panels.registers().getCenter().getOpacity(), 0.001, "and what it shows is faded");
        DebugEvent.Stopped stepped = target.await(target.session.next());
        robot.interact(() -> panels.onStopped(stepped));
        waitFor(() -> panels.registers().model().row("rip").map(r -> !r.value().equals(ripValueBefore)).orElse(false), "rip re-read");
        String ripShown = RegistersViewModel.formatted(panels.registers().model().row("rip").orElseThrow());
        waitFor(() -> texts(robot, panels.registers(), ".tree-table-cell").contains(ripShown), "the new rip " + ripShown + " shown");
        // Lines kept from stop to stop: a step redraws the changed cells instead of rebuilding every row.
        assertSame(ripBefore, registerItem("rip"), "the rip line is the same tree item after the step");
        assertEquals(1.0, panels.registers().getCenter().getOpacity(), 0.001, "stopped again: no longer faded");
        Optional<Node> marked = robot.from(panels.registers()).lookup(".tree-table-cell").match(n ->
                n instanceof TreeTableCell<?, ?> c && ripShown.equals(c.getText()) && c.getStyleClass().contains(DebugStyles.CHANGED_VALUE)).tryQuery();
        assertTrue(marked.isPresent(), "the new rip is marked changed");
    }

    @Test
    @Order(10)
    void aStepKeepsTheCallStacksRowsAndMovesTheMark(FxRobot robot) throws Exception {
        showTab(robot, "Call Stack");
        waitFor(() -> !panels.callStack().model().frames().isEmpty(), "frames listed");
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> rowsBefore = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rowsBefore.addAll(robot.from(panels.callStack()).lookup(".table-row-cell").queryAll());
        java.util.concurrent.atomic.AtomicBoolean emptied = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> panels.callStack().table().getItems().addListener(
                (javafx.collections.ListChangeListener<Frame>) c -> emptied.compareAndSet(false, c.getList().isEmpty())));
        robot.interact(panels::onRunning);
        assertTrue(panels.callStack().model().frames().isEmpty(), "the model forgets the frames while the guest runs");
        assertTrue(robot.from(panels.callStack()).lookup((Node n) -> n instanceof Labeled l && "Not stopped.".equals(l.getText())
                && shownWithin(n, panels.callStack())).tryQuery().isPresent(), "and the panel says it is not stopped");
        DebugEvent.Stopped stepped = target.await(target.session.next());
        robot.interact(() -> panels.onStopped(stepped));
        waitFor(() -> !panels.callStack().model().frames().isEmpty(), "frames listed after the step");
        assertFalse(emptied.get(), "the table kept its rows through the step instead of emptying and refilling them");
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> rowsAfter = robot.from(panels.callStack()).lookup(".table-row-cell").queryAll();
        // A refresh() on every stop made each row (and the empty rows below) anew and restyled them all.
        assertTrue(rowsBefore.containsAll(rowsAfter), "the table's rows are the same nodes after the step");
        assertTrue(robot.from(panels.callStack()).lookup(".table-row-cell").match(n ->
                n instanceof TableRow<?> r && r.getItem() != null && n.getStyleClass().contains(DebugStyles.CURRENT_LINE)).tryQuery().isPresent(),
                "the selected frame's row is marked");
    }

    private static boolean shownWithin(Node node, Node panel) {
        for (Node n = node; n != null && n != panel; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private TreeItem<RegistersView.Line<?>> registerItem(String name) {
        return panels.registers().tree().getRoot().getChildren().stream()
                .filter(i -> i.getValue() instanceof RegistersView.RegisterLine r && r.row().name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " line in the Registers tree"));
    }
}
