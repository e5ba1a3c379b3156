package dev.porthole.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAtomicallyAndLoadsWhatItSaved() throws IOException {
        WorkspaceConfig config = new WorkspaceConfig(0, new WorkspaceConfig.Build("make", "build/k.elf", "build/k.dbg"), null,
                List.of(WorkspaceConfig.Breakpoint.atLine("main.c", 27, true), WorkspaceConfig.Breakpoint.atFunction("kmain")), null);
        WorkspaceStore.save(new Workspace(dir, config));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "a temporary file was left behind");
        }
        // porthole.json is often committed and shared: it gets the umask's permissions, not a temp file's 0600.
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("porthole.json")));
        WorkspaceStore.Loaded loaded = WorkspaceStore.load(dir);
        assertFalse(loaded.hasWarning());
        assertEquals(config, loaded.workspace().config());
        assertEquals(dir.resolve("build/k.dbg"), loaded.workspace().debugImage().orElseThrow());
        assertEquals("main.c:27", loaded.workspace().config().breakpoints().get(0).location());
        assertEquals("microvm", loaded.workspace().config().launch().machine());
    }

    @Test
    void aCorruptFileIsReportedWithWhereAndTheLastGoodCopyIsUsed() throws IOException {
        WorkspaceConfig good = new WorkspaceConfig(0, new WorkspaceConfig.Build("make all", "a.elf", null), null, null, null);
        WorkspaceStore.save(new Workspace(dir, good));
        Files.writeString(dir.resolve("porthole.json"), "{\n  \"build\": { \"command\": \"make\",, }\n");

        WorkspaceStore.Loaded loaded = WorkspaceStore.load(dir);
        assertTrue(loaded.hasWarning());
        assertTrue(loaded.warning().contains("line 2"), loaded.warning());
        assertTrue(loaded.warning().contains("last good copy"), loaded.warning());
        assertEquals("make all", loaded.workspace().config().build().command());
        assertTrue(Files.readString(dir.resolve("porthole.json")).contains(",,"), "the broken file must be kept for the user");
    }

    @Test
    void aCorruptFileWithNoEarlierCopyFallsBackToDefaults() throws IOException {
        Files.writeString(dir.resolve("porthole.json"), "[1, 2");
        WorkspaceStore.Loaded loaded = WorkspaceStore.load(dir);
        assertTrue(loaded.warning().contains("defaults"), loaded.warning());
        assertEquals("microvm", loaded.workspace().config().launch().machine());
    }

    @Test
    void aFolderWithoutTheFileSaysWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> WorkspaceStore.load(dir));
        assertTrue(e.getMessage().contains("File > Open"), e.getMessage());
    }

    @Test
    void recentWorkspacesAreNewestFirstWithoutDuplicates() throws IOException {
        RecentWorkspaces recent = new RecentWorkspaces(dir.resolve("cfg/recent.json"));
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertEquals(List.of(a, b), recent.list());
        Files.delete(b);
        assertEquals(List.of(a), recent.list(), "a folder that is gone drops out");
    }
}
