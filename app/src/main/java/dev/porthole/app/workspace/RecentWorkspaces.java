package dev.porthole.app.workspace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened workspaces, newest first, in {@code ~/.config/porthole/recent.json}. */
public final class RecentWorkspaces {
    static final int MAX = 10;

    /** Made on first use, in the background: starting Jackson is a cost the window's first frame need not pay. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path file;

    public RecentWorkspaces(Path file) {
        this.file = file;
    }

    public static RecentWorkspaces userDefault() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentWorkspaces(config.resolve("porthole").resolve("recent.json"));
    }

    /** The list, dropping folders that no longer exist. A missing or unreadable file is an empty list. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> stored = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<String>>() { });
            return stored.stream().map(Path::of).filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Puts {@code workspace} first and returns the list as it now stands. */
    public List<Path> add(Path workspace) throws IOException {
        Path normalized = workspace.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>(list());
        updated.remove(normalized);
        updated.add(0, normalized);
        if (updated.size() > MAX) {
            updated = updated.subList(0, MAX);
        }
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(updated.stream().map(Path::toString).toList()));
        return List.copyOf(updated);
    }
}
