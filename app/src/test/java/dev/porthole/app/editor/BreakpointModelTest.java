package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakpointModelTest {
    private final Path main = Path.of("/ws/kernel/main.c");
    private final List<String> heard = new ArrayList<>();
    private final BreakpointModel model = new BreakpointModel();

    BreakpointModelTest() {
        model.addListener(new BreakpointModel.Listener() {
            @Override
            public void breakpointAdded(SourceBreakpoint b) {
                heard.add("+" + b.file().getFileName() + ":" + b.line() + (b.hardware() ? "h" : "s"));
            }

            @Override
            public void breakpointRemoved(SourceBreakpoint b) {
                heard.add("-" + b.file().getFileName() + ":" + b.line());
            }

            @Override
            public void breakpointChanged(SourceBreakpoint before, SourceBreakpoint after) {
                heard.add("~" + after.file().getFileName() + ":" + after.line() + (after.hardware() ? "h" : "s")
                        + (after.enabled() ? "" : " off"));
            }
        });
    }

    @Test
    void toggleAddsThenRemovesAndTellsTheListener() {
        assertTrue(model.toggle(main, 25, false).isPresent());
        assertEquals(List.of(SourceBreakpoint.software(main, 25)), model.breakpoints());
        assertTrue(model.toggle(main, 25, false).isEmpty());
        assertTrue(model.breakpoints().isEmpty());
        assertEquals(List.of("+main.c:25s", "-main.c:25"), heard);
    }

    @Test
    void oneBreakpointPerLineAndPathsAreNormalized() {
        model.add(SourceBreakpoint.software(Path.of("/ws/kernel/../kernel/main.c"), 7));
        model.add(SourceBreakpoint.hardware(main, 7));
        assertEquals(1, model.breakpoints().size());
        assertTrue(model.find(main, 7).orElseThrow().hardware());
        assertEquals(List.of("+main.c:7s", "~main.c:7h"), heard);
    }

    @Test
    void kindAndEnabledChangeInPlace() {
        model.add(SourceBreakpoint.software(main, 3));
        model.add(SourceBreakpoint.software(Path.of("/ws/kernel/entry.S"), 40));
        model.setHardware(main, 3, true);
        model.setEnabled(main, 3, false);
        assertEquals(new SourceBreakpoint(main, 3, true, false), model.breakpoints().get(0));
        assertEquals(1, model.inFile(main).size());
        assertEquals(List.of("+main.c:3s", "+entry.S:40s", "~main.c:3h", "~main.c:3h off"), heard);
    }

    @Test
    void setAllReplacesEverything() {
        model.add(SourceBreakpoint.software(main, 1));
        model.setAll(List.of(SourceBreakpoint.hardware(main, 2), SourceBreakpoint.software(main, 9)));
        assertEquals(List.of(2, 9), model.breakpoints().stream().map(SourceBreakpoint::line).toList());
        assertFalse(model.find(main, 1).isPresent());
        assertEquals(List.of("+main.c:1s", "-main.c:1", "+main.c:2h", "+main.c:9s"), heard);
    }

    @Test
    void theListIsReadOnlyAndLinesStartAtOne() {
        assertThrows(UnsupportedOperationException.class, () -> model.breakpoints().add(SourceBreakpoint.software(main, 1)));
        assertThrows(IllegalArgumentException.class, () -> SourceBreakpoint.software(main, 0));
    }

    @Test
    void breakpointsFollowTheirLinesWhenLinesAreInsertedOrDeleted() {
        model.add(SourceBreakpoint.software(main, 5));
        model.add(SourceBreakpoint.hardware(main, 6));
        model.add(SourceBreakpoint.software(main, 10));
        heard.clear();
        model.linesReplaced(main, 6, 0, 2);      // two lines inserted before line 6
        assertEquals(List.of(5, 8, 12), model.breakpoints().stream().map(SourceBreakpoint::line).sorted().toList());
        assertTrue(model.find(main, 8).orElseThrow().hardware(), "the kind moves with it");
        assertEquals(List.of("-main.c:10", "+main.c:12s", "-main.c:6", "+main.c:8h"), heard,
                "the lower one moves first, so two never share a line");
        heard.clear();
        model.linesReplaced(main, 8, 3, 0);      // lines 8..10 deleted
        assertEquals(List.of(5, 9), model.breakpoints().stream().map(SourceBreakpoint::line).sorted().toList());
        assertEquals(List.of("-main.c:8", "-main.c:12", "+main.c:9s"), heard);
    }
}
