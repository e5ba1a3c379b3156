package dev.porthole.app.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the workspace tree shows of a folder: build outputs and version-control folders hidden, folders first,
 * then sources, then other files, each group by name.
 */
public final class WorkspaceFiles {
    /** Folders of generated or version-control files nobody edits by hand. */
    public static final Set<String> HIDDEN_FOLDERS = Set.of("build", "target", ".git", ".svn", ".hg", "node_modules",
            ".idea", ".vscode", "runs");

    private static final Comparator<Path> FOLDERS_THEN_SOURCES_THEN_NAME = Comparator
            .comparing((Path p) -> !Files.isDirectory(p))
            .thenComparing(p -> !SourceLanguage.of(p).isSource())
            .thenComparing(p -> p.getFileName().toString(), String.CASE_INSENSITIVE_ORDER);

    private WorkspaceFiles() {
    }

    public static boolean isShown(Path entry) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            return !HIDDEN_FOLDERS.contains(name) && !name.startsWith(".");
        }
        return !name.endsWith(".o") && !name.endsWith(".d") && !name.endsWith("~");
    }

    /** The entries of {@code folder} the tree shows, in display order. Does I/O: call it off the FX thread. */
    public static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(WorkspaceFiles::isShown).sorted(FOLDERS_THEN_SOURCES_THEN_NAME).toList();
        }
    }
}
