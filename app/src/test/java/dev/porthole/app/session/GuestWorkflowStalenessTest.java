package dev.porthole.app.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.workspace.Workspace;
import dev.porthole.app.workspace.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Debug and Run rebuild first: a source newer than the image, and nothing else. */
class GuestWorkflowStalenessTest {
    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path root;
    private Workspace workspace;

    @BeforeEach
    void workspaceWithABuiltImage() throws IOException {
        Files.writeString(root.resolve(WorkspaceStore.FILE_NAME), """
                {"version": 1, "build": {"command": "make", "image": "build/porthole.elf"}}
                """);
        workspace = WorkspaceStore.load(root).workspace();
        write("build/porthole.elf", BUILT);
        write("main.c", BUILT.minusSeconds(60));
    }

    private void write(String relative, Instant modified) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void aSourceNewerThanTheImageMakesItStale() throws IOException {
        assertFalse(GuestWorkflow.isStale(workspace), "nothing changed since the build");
        write("drivers/serial.c", BUILT.plusSeconds(5));
        assertTrue(GuestWorkflow.isStale(workspace), "drivers/serial.c was edited after the build");
    }

    @Test
    void buildOutputsRunsAndToolFoldersDoNotCount() throws IOException {
        write("build/main.o", BUILT.plusSeconds(5));
        write("runs/20260101-1/serial.log", BUILT.plusSeconds(5));
        write("target/classes/x.class", BUILT.plusSeconds(5));
        write(".git/index", BUILT.plusSeconds(5));
        write(".porthole.json.last-good", BUILT.plusSeconds(5));
        write(WorkspaceStore.FILE_NAME, BUILT.plusSeconds(5));
        assertFalse(GuestWorkflow.isStale(workspace));
    }

    @Test
    void aFileThatVanishesDuringTheWalkIsNoError() throws Exception {
        // As a save does beside it: a temporary file written, then renamed over its target, again and again.
        AtomicBoolean saving = new AtomicBoolean(true);
        Thread saver = new Thread(() -> {
            for (int i = 0; saving.get(); i++) {
                try {
                    Path temp = root.resolve(".porthole.json." + i + ".tmp");
                    Files.writeString(temp, "{}");
                    Files.move(temp, root.resolve(".saved.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "saver");
        saver.start();
        try {
            for (int i = 0; i < 3000; i++) {
                GuestWorkflow.isStale(workspace); // before the fix, one walk in a few hundred died on NoSuchFileException
            }
        } finally {
            saving.set(false);
            saver.join();
        }
    }
}
