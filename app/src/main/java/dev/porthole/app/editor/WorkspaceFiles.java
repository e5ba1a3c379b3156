package dev.porthole.app.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the workspace tree shows of a folder: build outputs and version-control folders hidden, folders first,
 * then sources, then other files, each group by name. Each entry is looked at once, in the background; the tree
 * builds its items from the {@link Entry entries} and touches no file on the FX thread.
 */
public final class WorkspaceFiles {
    /** Folders of generated or version-control files nobody edits by hand. */
    public static final Set<String> HIDDEN_FOLDERS = Set.of("build", "target", ".git", ".svn", ".hg", "node_modules",
            ".idea", ".vscode", "runs");

    /** One entry of a folder as the listing saw it: whether it is a folder is read once, with its attributes. */
    public record Entry(Path path, boolean folder) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private static final Comparator<Entry> FOLDERS_THEN_SOURCES_THEN_NAME = Comparator
            .comparing((Entry e) -> !e.folder())
            .thenComparing(e -> !SourceLanguage.of(e.path()).isSource())
            .thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER);

    private WorkspaceFiles() {
    }

    public static boolean isShown(Path entry) {
        return isShown(entry.getFileName().toString(), Files.isDirectory(entry));
    }

    private static boolean isShown(String name, boolean folder) {
        if (folder) {
            return !HIDDEN_FOLDERS.contains(name) && !name.startsWith(".");
        }
        return !name.endsWith(".o") && !name.endsWith(".d") && !name.endsWith("~");
    }

    /** The entries of {@code folder} the tree shows, in display order. Does I/O: call it off the FX thread. */
    public static List<Entry> entries(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.forEach(path -> {
                Entry entry = new Entry(path, isFolder(path));
                if (isShown(entry.name(), entry.folder())) {
                    entries.add(entry);
                }
            });
        }
        entries.sort(FOLDERS_THEN_SOURCES_THEN_NAME);
        return List.copyOf(entries);
    }

    /** Like {@link Files#isDirectory}, a link counts as what it points to; an entry gone or unreadable is a file. */
    private static boolean isFolder(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
