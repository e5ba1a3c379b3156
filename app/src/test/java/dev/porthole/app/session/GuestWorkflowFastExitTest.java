package dev.porthole.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.crash.CrashReport;
import dev.porthole.app.workbench.GuestState;
import dev.porthole.app.workspace.SampleWorkspace;
import dev.porthole.app.workspace.Workspace;
import dev.porthole.app.workspace.WorkspaceStore;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.SerialLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest can end before the workflow has said it runs: the kernel's {@code app=fault} panics some 80 ms after QEMU
 * starts. The real kernel under real QEMU, with the workflow's thread held up until the guest is gone (as a busy
 * machine holds it up): the window must end on the panic, not on "running".
 */
class GuestWorkflowFastExitTest {
    @TempDir
    Path workspaceCopy;

    @Test
    void aGuestGoneBeforeItWasSaidToRunEndsPanickedNotRunning() throws Exception {
        copySampleWithItsImage();
        Path config = workspaceCopy.resolve(WorkspaceStore.FILE_NAME);
        Files.writeString(config, Files.readString(config).replace("\"app=hello\"", "\"app=fault\""));
        Workspace workspace = WorkspaceStore.load(workspaceCopy).workspace();
        assertTrue(!GuestWorkflow.isStale(workspace), "the copied image is up to date, so no build runs");

        List<GuestState> states = new CopyOnWriteArrayList<>();
        WorkflowListener listener = new Recording(states) {
            @Override
            public void guestStarted(Guest guest) {
                try {
                    // The workflow's thread, descheduled while the guest runs to its end.
                    guest.exit().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the guest with app=fault did not end", e);
                }
            }
        };
        ImageBuilder noBuild = new ImageBuilder() {
            @Override
            public BuildOutcome build(Workspace ws) {
                throw new AssertionError("no build expected: the image is up to date");
            }

            @Override
            public void cancel() {
            }
        };
        GuestWorkflow workflow = new GuestWorkflow(new QemuLauncher(), noBuild, () -> workspace, listener);
        workflow.run().get(90, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!states.contains(GuestState.PANICKED) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // anything said after the end would come now
        assertEquals(GuestState.PANICKED, states.get(states.size() - 1), "the states in order: " + states);
    }

    private void copySampleWithItsImage() throws IOException {
        Path sample = SampleWorkspace.folder().orElseThrow(() -> new IllegalStateException("kernel/ with porthole.json not found"));
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : files.filter(p -> !p.toString().contains("/target") && !p.toString().contains("/runs")
                    && !p.toString().contains("/src/")).toList()) {
                Path to = workspaceCopy.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    // With their times: the image stays newer than its sources.
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Notes the states the workflow reports, in order; the rest it ignores. */
    private static class Recording implements WorkflowListener {
        private final List<GuestState> states;

        Recording(List<GuestState> states) {
            this.states = states;
        }

        @Override
        public void stateChanged(GuestState state, boolean underDebugger, String status) {
            states.add(state);
        }

        @Override
        public void buildFinished(BuildOutcome outcome) {
        }

        @Override
        public void guestStarted(Guest guest) {
        }

        @Override
        public void consoleLine(SerialLine line) {
        }

        @Override
        public void sessionStarted(DebugSession session) {
        }

        @Override
        public void stopped(DebugEvent.Stopped stop) {
        }

        @Override
        public void running() {
        }

        @Override
        public void crashed(CrashReport report) {
        }

        @Override
        public void guestExited(GuestExit exit, Path runDir) {
        }

        @Override
        public void problem(String message) {
        }
    }
}
