package dev.porthole.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkbenchViewModelTest {
    private final WorkbenchViewModel model = new WorkbenchViewModel();
    private final List<WorkbenchAction> performed = new ArrayList<>();

    WorkbenchViewModelTest() {
        model.setHandler(performed::add);
    }

    @Test
    void stepsOnlyWhileStopped() {
        assertFalse(model.enabled(WorkbenchAction.STEP_OVER).get());
        model.setDebugging(true);
        model.setState(GuestState.RUNNING);
        assertFalse(model.enabled(WorkbenchAction.STEP_OVER).get());
        assertTrue(model.enabled(WorkbenchAction.PAUSE).get());
        model.setState(GuestState.STOPPED);
        assertTrue(model.enabled(WorkbenchAction.STEP_OVER).get());
        assertTrue(model.enabled(WorkbenchAction.STEP_OUT).get());
        assertFalse(model.enabled(WorkbenchAction.RUN).get(), "one guest at a time");
    }

    @Test
    void f5IsDebugWithNoGuestAndContinueWhenStopped() {
        model.perform(WorkbenchAction.DEBUG);
        model.setDebugging(true);
        model.setState(GuestState.STOPPED);
        model.perform(WorkbenchAction.DEBUG);
        assertEquals(List.of(WorkbenchAction.DEBUG, WorkbenchAction.CONTINUE), performed);
    }

    @Test
    void disabledActionsAreIgnoredNotQueued() {
        model.perform(WorkbenchAction.STEP_INTO);
        model.perform(WorkbenchAction.PAUSE);
        assertEquals(List.of(), performed);
    }

    @Test
    void pauseNeedsTheDebugger() {
        model.setState(GuestState.RUNNING);
        assertFalse(model.enabled(WorkbenchAction.PAUSE).get(), "a plain Run has no debugger to pause with");
        assertTrue(model.enabled(WorkbenchAction.STOP).get());
    }

    @Test
    void everyDebugActionHasADistinctShortcut() {
        List<String> seen = new ArrayList<>();
        for (WorkbenchAction a : WorkbenchAction.values()) {
            if (a == WorkbenchAction.CONTINUE) {
                continue; // shares F5 with Debug on purpose
            }
            String key = a.shortcut().getName();
            assertFalse(seen.contains(key), a + " reuses " + key);
            seen.add(key);
        }
    }
}
