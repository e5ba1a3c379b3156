package dev.porthole.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.porthole.launcher.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code porthole.json}.
 *
 * <p>Writes are atomic (a temporary file in the same folder, then a rename), so a crash mid-save never leaves a
 * half-written file. Every successful load also refreshes {@code .porthole.json.last-good}; when the file is later
 * found corrupt, the load reports the parse error with its line and column and falls back to that copy, leaving
 * the corrupt file untouched for the user to mend.
 */
public final class WorkspaceStore {
    public static final String FILE_NAME = "porthole.json";
    static final String LAST_GOOD = ".porthole.json.last-good";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a load found: the config to use, and a warning to show when it had to fall back. */
    public record Loaded(Workspace workspace, String warning) {
        public boolean hasWarning() {
            return warning != null;
        }
    }

    private WorkspaceStore() {
    }

    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /** Loads {@code folder/porthole.json}; a corrupt file falls back to the last good copy (or defaults) with a warning. */
    public static Loaded load(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder; open a folder that holds porthole.json or an image");
        }
        Path file = root.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new IOException("no " + FILE_NAME + " in " + root + "; File > Open offers to create one for an image found there");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            WorkspaceConfig config = parse(bytes);
            rememberGood(root, bytes);
            return new Loaded(new Workspace(root, config), null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String problem = file + " is not valid" + where + ": " + e.getOriginalMessage();
            Path lastGood = root.resolve(LAST_GOOD);
            if (Files.isRegularFile(lastGood)) {
                try {
                    WorkspaceConfig previous = parse(Files.readAllBytes(lastGood));
                    return new Loaded(new Workspace(root, previous), problem
                            + ". Using the last good copy; fix the file or save from Porthole to replace it (the broken file is kept until then).");
                } catch (JsonProcessingException ignored) {
                    // fall through to defaults
                }
            }
            return new Loaded(new Workspace(root, new WorkspaceConfig(0, null, null, null, null)),
                    problem + ". No earlier good copy exists, so defaults are in use; fix the file or save from Porthole.");
        }
    }

    /**
     * Keeps {@code bytes} as the last good copy. Only when they differ from it: a load must not touch the folder
     * (it would, among other things, look like a changed source to the ./porthole script).
     */
    private static void rememberGood(Path root, byte[] bytes) throws IOException {
        Path lastGood = root.resolve(LAST_GOOD);
        if (!Files.isRegularFile(lastGood) || !java.util.Arrays.equals(Files.readAllBytes(lastGood), bytes)) {
            AtomicFiles.write(lastGood, bytes);
        }
    }

    static WorkspaceConfig parse(byte[] bytes) throws JsonProcessingException {
        try {
            WorkspaceConfig config = JSON.readValue(bytes, WorkspaceConfig.class);
            if (config == null) {
                throw new com.fasterxml.jackson.databind.JsonMappingException(null, "the file is empty");
            }
            return config;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new com.fasterxml.jackson.databind.JsonMappingException(null, e.getMessage(), e);
        }
    }

    /** Writes the workspace's {@code porthole.json} atomically. */
    public static void save(Workspace workspace) throws IOException {
        Path file = workspace.root().resolve(FILE_NAME);
        // Ends with a newline, as a text file in a repository should: a saved workspace then differs from the one
        // checked in only where its settings do.
        byte[] bytes = (JSON.writeValueAsString(workspace.config()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
        rememberGood(workspace.root(), bytes);
    }
}
