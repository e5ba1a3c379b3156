package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.task.FxTaskRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor driven as a user drives it, on a copy of the kernel's app_compute.c, with real background loading.
 * Lines referred to below are lines of that file (see src/test/resources/.../app_compute.c).
 */
@ExtendWith(ApplicationExtension.class)
class EditorViewTest {
    private static final int STEP_BODY_LINE = 25;   // "  p->x += dx;"
    private static final int D2_LINE = 42;          // "    d2 = compute_step(&p, dx, dy);"

    @TempDir
    Path workspace;

    private Path file;
    private BreakpointModel breakpoints;
    private EditorViewModel viewModel;
    private EditorView view;
    private final AtomicReference<String> askedFor = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        Files.createDirectories(workspace.resolve("build"));
        Files.writeString(workspace.resolve("build/generated.c"), "int generated;\n");
        Files.createDirectories(workspace.resolve(".git"));
        Files.writeString(workspace.resolve("Makefile"), "all:\n\tgcc -c app_compute.c\n");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("app_compute.c"))) {
            file = workspace.resolve("app_compute.c");
            Files.copy(in, file);
        }
        breakpoints = new BreakpointModel();
        viewModel = new EditorViewModel(workspace, new FxTaskRunner(), breakpoints);
        viewModel.setHoverValueProvider(expression -> {
            askedFor.set(expression);
            return CompletableFuture.completedFuture(expression.equals("d2") ? Optional.of("1234") : Optional.empty());
        });
        view = new EditorView(viewModel);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    // --- helpers: what a user finds on screen -----------------------------------------------------------------

    private CodeArea openAndWait(FxRobot robot, Path path) throws TimeoutException {
        robot.interact(() -> viewModel.open(path));
        // Editable once all of the text is in (it arrives a few lines a frame while they land on screen).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.codeArea(path).map(CodeArea::isEditable).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return view.codeArea(path).orElseThrow();
    }

    @Test
    void aLongFileArrivesAFewLinesAFrameUntilTheWindowIsFull(FxRobot robot) throws Exception {
        Path longFile = workspace.resolve("long.c");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        Files.writeString(longFile, text);
        List<Integer> linesAtEachFrame = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable count = () -> view.codeArea(longFile).ifPresent(a -> linesAtEachFrame.add(a.getParagraphs().size()));
        robot.interact(() -> {
            view.getScene().addPostLayoutPulseListener(count);
            viewModel.open(longFile);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.codeArea(longFile).map(CodeArea::isEditable).orElse(false));
        robot.interact(() -> view.getScene().removePostLayoutPulseListener(count));

        CodeArea area = view.codeArea(longFile).orElseThrow();
        assertEquals(text.toString(), area.getText());
        // Opened at its top, the caret on the first line, as it was before the rest arrived.
        assertEquals(0, area.getCaretPosition());
        assertEquals(0, (int) WaitForAsyncUtils.asyncFx(area::firstVisibleParToAllParIndex).get(10, TimeUnit.SECONDS));
        List<Integer> shown = linesAtEachFrame.stream().filter(n -> n > 1).distinct().toList();
        assertTrue(shown.get(0) <= SourceEditorPane.LINES_PER_FRAME + 1, "the first frame got a few lines: " + shown);
        assertTrue(shown.size() >= 3, "the first page came over several frames: " + shown);
        // The rest, off screen, goes in without waiting for frames.
        assertTrue(shown.size() <= 10, "not a frame per piece once the window is full: " + shown);
    }

    @Test
    void putOnScreenTheTreeJoinsTheFrameAfterTheEditor(FxRobot robot) throws Exception {
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        // The editor's own colours, which its stylesheet gives a root of its kind, as the editor was here.
        holder.getStylesheets().add(EditorView.STYLESHEET);
        holder.getStyleClass().add(EditorStyle.EDITOR);
        robot.interact(() -> view.getScene().setRoot(holder));
        EditorView later = WaitForAsyncUtils.asyncFx(() -> new EditorView(new EditorViewModel(workspace, new FxTaskRunner(),
                new BreakpointModel()))).get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> treeInFirstFrame = new CompletableFuture<>();
        robot.interact(() -> {
            Scene scene = holder.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                treeInFirstFrame.complete(later.lookup("." + EditorStyle.TREE) != null);
            };
            scene.addPostLayoutPulseListener(once[0]);
            holder.getChildren().add(later);
        });
        assertFalse(treeInFirstFrame.get(10, TimeUnit.SECONDS), "the tree in the editor's first frame");

        // A frame later, the tree, with the workspace's files, in its place on the left.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.from(later).lookup(".tree-cell")
                .queryAllAs(TreeCell.class).stream().filter(c -> "Makefile".equals(c.getText())).toList().isEmpty());
        assertEquals(0.2, WaitForAsyncUtils.asyncFx(() -> later.getDividerPositions()[0]).get(10, TimeUnit.SECONDS), 0.01);
        assertSame(later.lookup("." + EditorStyle.TREE).getParent(), later.getItems().get(0),
                "the tree's holder back as the left side");
    }

    private static Optional<Node> gutterOf(FxRobot robot, CodeArea area, int line) {
        return robot.from(area).lookup(".ph-gutter").match(n -> Integer.valueOf(line).equals(n.getUserData())).tryQuery();
    }

    private static boolean gutterShows(FxRobot robot, CodeArea area, int line, String styleClass) {
        return gutterOf(robot, area, line).map(g -> !robot.from(g).lookup("." + styleClass).queryAll().isEmpty())
                .orElse(false);
    }

    /** Screen point in the middle of a token on a 1-based line. */
    private static Point2D pointOn(CodeArea area, int line, String token) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> pointOnFx(area, line, token)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot locate '" + token + "' on line " + line, e);
        }
    }

    private static Point2D pointOnFx(CodeArea area, int line, String token) {
        int column = area.getParagraph(line - 1).getText().indexOf(token);
        assertTrue(column >= 0, "'" + token + "' not on line " + line + ": " + area.getParagraph(line - 1).getText());
        int offset = area.getAbsolutePosition(line - 1, column);
        Bounds bounds = area.getCharacterBoundsOnScreen(offset, offset + token.length()).orElseThrow(
                () -> new AssertionError("line " + line + " is not on screen"));
        return new Point2D(bounds.getMinX() + Math.min(4, bounds.getWidth() / 2), bounds.getCenterY());
    }

    /** Asks on the FX thread, where the area's layout is. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> question) {
        try {
            return WaitForAsyncUtils.asyncFx(question).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 10 s for: " + what);
        }
    }

    // --- tests -----------------------------------------------------------------------------------------------

    @Test
    void clickingTheGutterSetsAndClearsABreakpoint(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.clickOn(gutterOf(robot, area, STEP_BODY_LINE).orElseThrow());
        assertEquals(List.of(SourceBreakpoint.software(file, STEP_BODY_LINE)), breakpoints.breakpoints());
        assertTrue(gutterShows(robot, area, STEP_BODY_LINE, EditorStyle.BREAKPOINT), "a red dot on the line");
        assertFalse(gutterShows(robot, area, STEP_BODY_LINE + 1, EditorStyle.BREAKPOINT), "and only there");

        robot.clickOn(gutterOf(robot, area, STEP_BODY_LINE).orElseThrow());
        assertTrue(breakpoints.breakpoints().isEmpty());
        assertFalse(gutterShows(robot, area, STEP_BODY_LINE, EditorStyle.BREAKPOINT));
    }

    @Test
    void hardwareBreakpointsShowTheirOwnMarker(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.interact(() -> viewModel.hardwareBreakpointsByDefaultProperty().set(true));
        robot.clickOn(gutterOf(robot, area, 26).orElseThrow());
        assertTrue(breakpoints.find(file, 26).orElseThrow().hardware());
        assertTrue(gutterShows(robot, area, 26, EditorStyle.BREAKPOINT_HARDWARE));
        assertFalse(gutterShows(robot, area, 26, EditorStyle.BREAKPOINT));
    }

    @Test
    void f9TogglesTheBreakpointAtTheCaret(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.clickOn(pointOn(area, 27, "dist2"));
        robot.type(KeyCode.F9);
        assertTrue(breakpoints.find(file, 27).isPresent(), "F9 set a breakpoint on line 27: " + breakpoints.breakpoints());
        assertTrue(gutterShows(robot, area, 27, EditorStyle.BREAKPOINT));
        robot.type(KeyCode.F9);
        assertTrue(breakpoints.breakpoints().isEmpty());
    }

    @Test
    void theStoppedLineIsMarkedAndScrolledToUntilTheGuestRuns(FxRobot robot) throws TimeoutException {
        // Stopping in a file that is not open yet opens it.
        robot.interact(() -> view.showExecutionPoint(file, 48));
        waitUntil("the stopped line marked", () -> view.isMarkedCurrent(file, 48));
        CodeArea area = view.codeArea(file).orElseThrow();
        // The page around it unfolds a quarter a frame, each frame shared with the window's other new nodes.
        waitUntil("line 48 scrolled into view", () -> onFx(() -> area.getParagraphBoundsOnScreen(47).isPresent()));
        assertTrue(gutterShows(robot, area, 48, EditorStyle.CURRENT_LINE_ARROW), "the arrow is in the gutter");
        assertFalse(view.isMarkedCurrent(file, 47));

        robot.interact(() -> view.showExecutionPoint(file, 25));
        assertTrue(view.isMarkedCurrent(file, 25));
        assertFalse(view.isMarkedCurrent(file, 48), "the old line loses the band");

        robot.interact(viewModel::clearExecutionPoint);
        assertFalse(view.isMarkedCurrent(file, 25));
        assertFalse(gutterShows(robot, area, 25, EditorStyle.CURRENT_LINE_ARROW));
    }

    @Test
    void hoveringAVariableWhileStoppedShowsItsValue(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.interact(() -> view.showExecutionPoint(file, D2_LINE));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(pointOn(area, D2_LINE, "d2 ="));
        robot.moveBy(1, 0);
        waitUntil("the hover value", () -> !robot.lookup("." + EditorStyle.HOVER_VALUE).queryAll().isEmpty()
                && robot.lookup("." + EditorStyle.HOVER_VALUE).queryAs(Label.class).isVisible());
        Label value = robot.lookup("." + EditorStyle.HOVER_VALUE).queryAs(Label.class);
        assertEquals("d2 = 1234", value.getText());
        assertEquals("d2", askedFor.get());
    }

    @Test
    void noValueIsAskedForWhileTheGuestRuns(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.interact(() -> area.showParagraphAtCenter(D2_LINE - 1));
        robot.moveTo(pointOn(area, D2_LINE, "d2 ="));
        robot.moveBy(1, 0);
        robot.sleep(2 * SourceEditorPane.HOVER_DELAY.toMillis());
        assertEquals(null, askedFor.get());
        assertTrue(robot.lookup("." + EditorStyle.HOVER_VALUE).queryAll().stream().noneMatch(Node::isVisible));
    }

    @Test
    void ctrlSSavesAtomicallyAndClearsTheDirtyDot(FxRobot robot) throws Exception {
        CodeArea area = openAndWait(robot, file);
        Object inodeBefore = Files.getAttribute(file, "unix:ino");
        robot.clickOn(pointOn(area, 23, "int64"));
        robot.push(KeyCode.HOME);
        robot.write("/* edited */ ");
        Tab tab = robot.lookup(".ph-editor-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertEquals("● app_compute.c", tab.getText(), "a modified tab shows a dot");

        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil("the save", () -> !viewModel.document(file).orElseThrow().isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("app_compute.c", tab.getText());
        List<String> lines = Files.readAllLines(file);
        assertEquals("/* edited */   int64 dist2;", lines.get(22));
        assertEquals(49, lines.size());
        // A rename puts a new file in place; an in-place write would keep the inode.
        assertFalse(inodeBefore.equals(Files.getAttribute(file, "unix:ino")), "the file was replaced by a rename");
        try (Stream<Path> left = Files.list(workspace)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void ctrlFFindsAndCtrlGGoesToALine(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.clickOn(area);
        // The search starts at the caret; where a click lands depends on the fonts' line height.
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.write("compute_step");
        assertEquals("compute_step", area.getSelectedText(), "typing finds the first match");
        int first = area.getSelection().getStart();
        assertEquals(20, area.offsetToPosition(first, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor());
        robot.type(KeyCode.ENTER);
        assertEquals(41, area.getCurrentParagraph(), "Enter goes to the next match, on line 42");
        assertEquals("2 of 2", robot.lookup("." + EditorStyle.SEARCH_INFO).queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        assertEquals(first, area.getSelection().getStart(), "and wraps around");
        robot.type(KeyCode.ESCAPE);

        robot.push(KeyCode.CONTROL, KeyCode.G);
        robot.write("39");
        robot.type(KeyCode.ENTER);
        assertEquals(38, area.getCurrentParagraph());
        assertTrue(area.isFocused(), "the text has the focus back");
    }

    @Test
    void findScansOncePerQueryAndCountsMatchesTypedSince(FxRobot robot) throws Exception {
        CodeArea area = openAndWait(robot, file);
        robot.clickOn(area);
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.write("compute_step");
        SearchBar bar = robot.from(view).lookup("." + EditorStyle.SEARCH_BAR).queryAs(SearchBar.class);
        Label info = robot.from(bar).lookup("." + EditorStyle.SEARCH_INFO).queryAs(Label.class);
        TextSearch scanned = WaitForAsyncUtils.asyncFx(bar::matches).get(10, TimeUnit.SECONDS);
        assertEquals(2, scanned.count());

        robot.type(KeyCode.ENTER);
        assertEquals("2 of 2", info.getText());
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertEquals("1 of 2", info.getText(), "Shift+Enter goes back");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertEquals("2 of 2", info.getText(), "and wraps around the start");
        assertSame(scanned, WaitForAsyncUtils.asyncFx(bar::matches).get(10, TimeUnit.SECONDS),
                "next and previous reuse the matches found when the query was typed");

        robot.type(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.END);
        robot.write("// compute_step");
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.type(KeyCode.ENTER);
        assertEquals("1 of 3", info.getText(), "the match typed since counts, and next wraps from the end");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertEquals("3 of 3", info.getText());
        assertEquals(area.getLength() - "compute_step".length(), area.getSelection().getStart());
    }

    @Test
    void ctrlWClosesTheTabButAsksFirstWhenModified(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        AtomicInteger asked = new AtomicInteger();
        robot.interact(() -> view.setMayDiscardChanges(doc -> asked.incrementAndGet() > 1));
        robot.clickOn(pointOn(area, 23, "int64"));
        robot.write("x");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        assertEquals(1, asked.get());
        assertEquals(1, viewModel.documents().size(), "the user said keep it");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        assertEquals(0, viewModel.documents().size());
    }

    @Test
    void theTreeHidesBuildFoldersAndDoubleClickOpensAFile(FxRobot robot) throws TimeoutException {
        waitUntil("the tree listed", () -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .anyMatch(c -> "app_compute.c".equals(c.getText())));
        Set<String> shown = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(c -> (String) c.getText()).filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        assertFalse(shown.contains("build"), shown.toString());
        assertFalse(shown.contains(".git"), shown.toString());
        assertTrue(shown.contains("Makefile"), shown.toString());

        robot.doubleClickOn("app_compute.c");
        waitUntil("the file open", () -> view.codeArea(file).map(a -> a.getLength() > 0).orElse(false));
        assertEquals(file, viewModel.selectedProperty().get().path());
    }

    @Test
    void aBreakpointStaysOnItsTextWhenLinesAreAddedOrRemovedAbove(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.clickOn(gutterOf(robot, area, 27).orElseThrow());
        robot.clickOn(pointOn(area, 23, "int64"));
        robot.push(KeyCode.END);
        robot.type(KeyCode.ENTER, 2);            // two new lines after line 23
        assertEquals(List.of(29), breakpoints.breakpoints().stream().map(SourceBreakpoint::line).toList());
        assertTrue(area.getParagraph(28).getText().contains("dist2 = p->x"), "still on its statement");
        assertTrue(gutterShows(robot, area, 29, EditorStyle.BREAKPOINT));
        assertFalse(gutterShows(robot, area, 27, EditorStyle.BREAKPOINT));

        robot.type(KeyCode.BACK_SPACE, 2);
        assertEquals(List.of(27), breakpoints.breakpoints().stream().map(SourceBreakpoint::line).toList());
    }

    @Test
    void theStoppedLineBandLeavesCleanlyAfterEditsAboveIt(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        robot.interact(() -> view.showExecutionPoint(file, 27));
        robot.clickOn(pointOn(area, 23, "int64"));
        robot.push(KeyCode.HOME);
        robot.type(KeyCode.ENTER);               // the stopped statement is now on line 28
        assertTrue(view.isMarkedCurrent(file, 28), "the band stays on its statement");
        robot.interact(viewModel::clearExecutionPoint);
        for (int line = 1; line <= area.getParagraphs().size(); line++) {
            assertFalse(view.isMarkedCurrent(file, line), "line " + line + " still has the band");
        }
    }

    @Test
    void showLineOpensTheFileWithTheCaretThere(FxRobot robot) throws TimeoutException {
        robot.interact(() -> view.showLine(file, 44));
        waitUntil("the caret on line 44", () -> view.codeArea(file).map(a -> a.getCurrentParagraph() == 43).orElse(false));
        CodeArea area = view.codeArea(file).orElseThrow();
        waitUntil("line 44 on screen", () -> onFx(() -> area.getParagraphBoundsOnScreen(43).isPresent()));
        assertTrue(area.isFocused());
    }

    @Test
    void typingACommentOpenerRestylesTheLinesBelow(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        int insideLine25 = area.getAbsolutePosition(24, 4);
        assertFalse(area.getStyleOfChar(insideLine25).contains(SyntaxStyle.COMMENT));
        robot.clickOn(pointOn(area, 23, "int64"));
        robot.push(KeyCode.HOME);
        robot.write("/*");
        waitUntil("line 25 shown as a comment",
                () -> area.getStyleOfChar(area.getAbsolutePosition(24, 4)).contains(SyntaxStyle.COMMENT));
        robot.type(KeyCode.BACK_SPACE, 2);
        waitUntil("line 25 code again",
                () -> !area.getStyleOfChar(area.getAbsolutePosition(24, 4)).contains(SyntaxStyle.COMMENT));
        assertTrue(area.getStyleOfChar(area.getAbsolutePosition(22, 3)).contains(SyntaxStyle.TYPE), "int64 is a type again");
    }

    @Test
    void aStopOrABreakpointRedrawsOnlyTheLinesItConcerns(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        Node untouched = gutterOf(robot, area, 30).orElseThrow();
        robot.interact(() -> view.showExecutionPoint(file, STEP_BODY_LINE));
        waitUntil("the arrow on the stopped line", () -> gutterShows(robot, area, STEP_BODY_LINE, EditorStyle.CURRENT_LINE_ARROW));
        robot.interact(() -> view.showExecutionPoint(file, STEP_BODY_LINE + 1));
        waitUntil("the arrow moved a line down", () -> gutterShows(robot, area, STEP_BODY_LINE + 1, EditorStyle.CURRENT_LINE_ARROW));
        assertFalse(gutterShows(robot, area, STEP_BODY_LINE, EditorStyle.CURRENT_LINE_ARROW), "the old line lost its arrow");
        robot.interact(() -> breakpoints.add(SourceBreakpoint.hardware(file, 31)));
        assertTrue(gutterShows(robot, area, 31, EditorStyle.BREAKPOINT_HARDWARE), "the new breakpoint is drawn");
        // A new gutter for every visible line on each step is what made a stop cost a frame's worth of restyling.
        assertSame(untouched, gutterOf(robot, area, 30).orElseThrow(), "line 30's gutter is the same node throughout");
    }

    @Test
    void aStopOnAVisibleLineLeavesTheTextWhereItIsAndAFarOneIsCentred(FxRobot robot) throws Exception {
        Path longFile = workspace.resolve("long.c");
        writeNumberedLines(longFile, 200);
        CodeArea area = openAndWait(robot, longFile);
        java.util.concurrent.Callable<int[]> visible = () -> WaitForAsyncUtils.asyncFx(() -> new int[] {
                area.firstVisibleParToAllParIndex() + 1, area.lastVisibleParToAllParIndex() + 1}).get();
        assertEquals(1, visible.call()[0], "the file opens at its top");

        robot.interact(() -> view.showExecutionPoint(longFile, 25));
        waitUntil("the arrow on line 25", () -> gutterShows(robot, area, 25, EditorStyle.CURRENT_LINE_ARROW));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, visible.call()[0], "line 25 was in view: the text did not move");

        robot.interact(() -> view.showExecutionPoint(longFile, 150));
        waitUntil("the arrow on line 150", () -> gutterShows(robot, area, 150, EditorStyle.CURRENT_LINE_ARROW));
        waitUntil("the page unfolded", () -> !viewportOf(area).isFolded());
        WaitForAsyncUtils.waitForFxEvents();
        int[] centred = visible.call();
        assertTrue(Math.abs((centred[0] + centred[1]) / 2.0 - 150) <= 2, "line 150 centred in " + centred[0] + "-" + centred[1]);

        robot.interact(area::requestFocus); // as in the workbench, where the editor has the keyboard
        WaitForAsyncUtils.waitForFxEvents();
        stepsLeaveTheTextWhereItIs(robot, area, longFile, 151, 154, false);
        assertEquals(centred[0], visible.call()[0], "steps to the next lines do not scroll");
    }

    @Test
    void stepsNearTheEndOfAShortFileLeaveTheTextWhereItIs(FxRobot robot) throws Exception {
        Path shortFile = workspace.resolve("short.c");
        writeNumberedLines(shortFile, 50);
        CodeArea area = openAndWait(robot, shortFile);
        robot.interact(() -> view.showExecutionPoint(shortFile, 45));
        waitUntil("the arrow on line 45", () -> gutterShows(robot, area, 45, EditorStyle.CURRENT_LINE_ARROW));
        waitUntil("the page unfolded", () -> !viewportOf(area).isFolded());
        WaitForAsyncUtils.waitForFxEvents();
        stepsLeaveTheTextWhereItIs(robot, area, shortFile, 46, 49, true);
    }

    private static void writeNumberedLines(Path file, int count) throws IOException {
        Files.writeString(file, java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "int line_" + i + ";\n")
                .collect(java.util.stream.Collectors.joining()));
    }

    /**
     * Stops on each line from {@code from} to {@code to} in turn, the guest running between them when {@code running}
     * (as a step does), and checks the text does not move, not even by part of a line: in the workbench each step
     * crept the text up.
     */
    private void stepsLeaveTheTextWhereItIs(FxRobot robot, CodeArea area, Path file, int from, int to, boolean running)
            throws Exception {
        double scrollY = WaitForAsyncUtils.asyncFx(area::getEstimatedScrollY).get(10, TimeUnit.SECONDS);
        for (int line = from; line <= to; line++) {
            int stopped = line;
            if (running) {
                robot.interact(viewModel::clearExecutionPoint);
                WaitForAsyncUtils.waitForFxEvents();
            }
            robot.interact(() -> view.showExecutionPoint(file, stopped));
            waitUntil("the arrow on line " + line, () -> gutterShows(robot, area, stopped, EditorStyle.CURRENT_LINE_ARROW));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(scrollY, WaitForAsyncUtils.asyncFx(area::getEstimatedScrollY).get(10, TimeUnit.SECONDS), 0.5,
                    "the text stays put, to the pixel, at the step to line " + line);
        }
    }

    @Test
    void aFileOpenedAtAFarLineShowsThatPageAQuarterAtATimeAndNeverItsTop(FxRobot robot) throws Exception {
        Path longFile = workspace.resolve("long.c");
        writeNumberedLines(longFile, 200);
        // The lines whose gutter is in the scene after each frame: a gutter is made with its line's node.
        List<Set<Integer>> linesAtEachFrame = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable record = () -> view.codeArea(longFile).ifPresent(a -> linesAtEachFrame.add(a.lookupAll(".ph-gutter").stream()
                .filter(n -> n.getScene() != null && n.isVisible())
                .map(n -> (Integer) n.getUserData()).collect(java.util.stream.Collectors.toSet())));
        robot.interact(() -> {
            view.getScene().addPostLayoutPulseListener(record);
            view.showLine(longFile, 150);
        });
        waitUntil("the caret on line 150", () -> view.codeArea(longFile).map(a -> a.getCurrentParagraph() == 149).orElse(false));
        CodeArea area = view.codeArea(longFile).orElseThrow();
        waitUntil("the page unfolded", () -> !viewportOf(area).isFolded());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.getScene().removePostLayoutPulseListener(record));

        int first = WaitForAsyncUtils.asyncFx(area::firstVisibleParToAllParIndex).get(10, TimeUnit.SECONDS) + 1;
        int last = WaitForAsyncUtils.asyncFx(area::lastVisibleParToAllParIndex).get(10, TimeUnit.SECONDS) + 1;
        assertTrue(Math.abs((first + last) / 2.0 - 150) <= 2, "line 150 centred in " + first + "-" + last);
        int page = last - first + 1;
        int mostNew = 0;
        Set<Integer> before = Set.of();
        for (Set<Integer> lines : linesAtEachFrame) {
            Set<Integer> added = new java.util.HashSet<>(lines);
            added.removeAll(before);
            mostNew = Math.max(mostNew, added.size());
            before = lines;
            assertTrue(lines.stream().filter(line -> line < first - 1).count() <= 1,
                    "the top of the file was never drawn, but a frame showed " + lines);
        }
        // Without the unfolding, the whole page is made in the frame after the text goes in.
        assertTrue(mostNew <= page / 4 + 3, "at most a quarter of the " + page + "-line page a frame, but one frame made "
                + mostNew + ": " + linesAtEachFrame);
    }

    private static dev.porthole.icons.UnfoldingPane viewportOf(CodeArea area) {
        Node node = area;
        while (!(node instanceof dev.porthole.icons.UnfoldingPane)) {
            node = node.getParent();
        }
        return (dev.porthole.icons.UnfoldingPane) node;
    }

    @Test
    void eachLinesGutterShowsItsNumberInOneColumnWithoutAControlPerLine(FxRobot robot) throws TimeoutException {
        CodeArea area = openAndWait(robot, file);
        Node line9 = gutterOf(robot, area, 9).orElseThrow();
        Node line10 = gutterOf(robot, area, 10).orElseThrow();
        assertEquals(List.of(" 9"), textsIn(line9), "the number, padded to the width of the longest");
        assertEquals(List.of("10"), textsIn(line10));
        assertEquals(line9.getBoundsInParent().getWidth(), line10.getBoundsInParent().getWidth(), 0.5,
                "every gutter is as wide, so the code starts in one column");
        // The area makes a gutter for every line it shows; a Label (a control with a skin) per line cost as much to
        // make and style as the line's code.
        assertTrue(robot.from(line9).lookup((Node n) -> n instanceof javafx.scene.control.Control).queryAll().isEmpty(),
                "no control in a line's gutter");
    }

    private static List<String> textsIn(Node gutter) {
        return gutter instanceof javafx.scene.Parent parent ? parent.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList()
                : List.of();
    }
}
