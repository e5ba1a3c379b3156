package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.task.FxTaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
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
 * Opening a 50,000-line C file: reading and highlighting run in the background, so the FX thread only pays for
 * putting the text into the area. A pulse watchdog (an AnimationTimer noting the longest gap between frames) shows
 * how long the FX thread was held; the figure is printed, not asserted, since this machine is shared.
 */
@ExtendWith(ApplicationExtension.class)
class BigFileTest {
    private static final int LINES = 50_000;

    @TempDir
    Path workspace;

    private EditorViewModel viewModel;
    private EditorView view;

    @Start
    void start(Stage stage) {
        viewModel = new EditorViewModel(workspace, new FxTaskRunner(), new BreakpointModel());
        view = new EditorView(viewModel);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    static String bigCFile(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i += 5) {
            text.append("/* block ").append(i).append(" */\n")
                    .append("static uint64 value_").append(i).append(" = 0x").append(Integer.toHexString(i)).append(";\n")
                    .append("int f_").append(i).append("(int x) {\n")
                    .append("  if (x > ").append(i).append(") return x * 2; // \"double\"\n")
                    .append("}\n");
        }
        return text.toString();
    }

    /** Longest gap between FX frames, in ns, while {@code open} runs and its file arrives in the area. */
    private long longestFrameGapWhileOpening(FxRobot robot, Path file, int expectedLines) throws TimeoutException {
        return longestFrameGapWhile(robot, () -> viewModel.open(file),
                () -> view.codeArea(file).map(a -> a.getParagraphs().size() >= expectedLines).orElse(false));
    }

    /** Longest gap between FX frames, in ns, from running {@code action} on the FX thread until {@code done}. */
    private long longestFrameGapWhile(FxRobot robot, Runnable action, java.util.concurrent.Callable<Boolean> done)
            throws TimeoutException {
        long[] lastFrame = {0};
        long[] longestGap = {0};
        AnimationTimer watchdog = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long wall = System.nanoTime(); // the pulse's own timestamp can be smoothed; wall time cannot
                if (lastFrame[0] != 0) {
                    longestGap[0] = Math.max(longestGap[0], wall - lastFrame[0]);
                }
                lastFrame[0] = wall;
            }
        };
        robot.interact(watchdog::start);
        robot.sleep(300);
        robot.interact(() -> longestGap[0] = 0); // ignore warm-up gaps before the open
        robot.interact(action);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done);
        robot.sleep(300);
        robot.interact(watchdog::stop);
        return longestGap[0];
    }

    @Test
    void aBigFileLoadsInTheBackgroundAndKeepsTheFxThreadFree(FxRobot robot) throws IOException, TimeoutException {
        Path small = Files.writeString(workspace.resolve("small.c"), bigCFile(50));
        Path big = Files.writeString(workspace.resolve("big.c"), bigCFile(LINES));
        Path warmUp = Files.writeString(workspace.resolve("warm.c"), bigCFile(50));
        longestFrameGapWhileOpening(robot, warmUp, 50); // class loading and first CSS pass, not the file's cost
        long smallGap = longestFrameGapWhileOpening(robot, small, 50);
        long opened = System.nanoTime();
        long bigGap = longestFrameGapWhileOpening(robot, big, LINES);
        long shown = System.nanoTime() - 600_000_000L; // minus the watchdog's two settling sleeps

        CodeArea area = view.codeArea(big).orElseThrow();
        // Typing near the end: the re-highlight runs in the background and restyles only the changed stretch.
        SourceDocument document = viewModel.document(big).orElseThrow();
        Object before = document.highlightingProperty().get();
        long typingGap = longestFrameGapWhile(robot, () -> area.insertText(area.getLength() - 3, "x"),
                () -> document.highlightingProperty().get() != before);
        assertEquals("x\n}\n", area.getText(area.getLength() - 4, area.getLength()), "the typed character is there");
        assertEquals(LINES + 1, area.getParagraphs().size(), "every line arrived (plus the empty last one)");
        assertTrue(area.getStyleSpans(0, area.getLength()).getSpanCount() > LINES, "the whole file is highlighted");
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("[editor big file] %d lines, %d KiB: open to shown about %.0f ms; longest FX frame gap %.0f ms"
                        + " vs %.0f ms for a 50-line file (ratio %.1f); typing one character and re-highlighting: longest gap"
                + " %.0f ms; load average %.1f on %d cores%n",
                LINES, Files.size(big) / 1024, (shown - opened - 300_000_000L) / 1e6, bigGap / 1e6, smallGap / 1e6,
                (double) bigGap / Math.max(1, smallGap), typingGap / 1e6, load, Runtime.getRuntime().availableProcessors());
    }
}
