package dev.porthole.build.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to build and what the build produces, read from a workspace.
 *
 * <p>A workspace is a folder with {@code porthole.json}. Of that file (whose whole schema the app owns)
 * the build reads only:
 * <pre>
 * { "build": { "command": "make -C kernel",                 shell command, run in the workspace folder (default "make")
 *              "image": "kernel/build/porthole.elf",         what QEMU boots, relative to the workspace folder
 *              "debugImage": "kernel/build/porthole.dbg" } } the ELF with symbols for gdb and the layout (optional)
 * </pre>
 * Without {@code porthole.json}, the Porthole repository itself is a workspace: a folder holding
 * {@code kernel/Makefile} (found by walking up from the given folder, or from the working directory when
 * none is given) builds the sample kernel with {@code make -C kernel} in that folder, producing
 * {@code kernel/build/porthole.elf} and {@code kernel/build/porthole.dbg}.
 *
 * @param directory  where the command runs
 * @param command    a shell command line ({@code sh -c})
 * @param image      the produced image, or null when the workspace names none
 * @param debugImage its debug twin, or null
 * @param origin     where this came from, for messages ("porthole.json in X", "the sample kernel's defaults")
 */
public record BuildConfig(Path directory, String command, Path image, Path debugImage, String origin) {
    public static final String FILE_NAME = "porthole.json";
    public static final String SAMPLE_COMMAND = "make -C kernel";

    /** Thrown when the workspace cannot say how to build; the message says what to write where. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    /**
     * @param workspace a workspace folder, its {@code porthole.json}, or null for the working directory
     */
    public static BuildConfig forWorkspace(Path workspace) throws ConfigException {
        Path start = (workspace == null ? Path.of("") : workspace).toAbsolutePath().normalize();
        if (Files.isRegularFile(start) && start.getFileName().toString().equals(FILE_NAME)) {
            return fromFile(start);
        }
        if (!Files.isDirectory(start)) {
            throw new ConfigException("workspace " + start + " does not exist or is not a folder; give the folder that holds "
                    + FILE_NAME + ", or nothing to build the sample kernel from the Porthole repository");
        }
        if (Files.isRegularFile(start.resolve(FILE_NAME))) {
            return fromFile(start.resolve(FILE_NAME));
        }
        Optional<Path> repository = workspace == null ? findRepositoryAbove(start)
                : Optional.of(start).filter(BuildConfig::isRepositoryRoot);
        if (repository.isPresent()) {
            return sampleKernel(repository.get());
        }
        throw new ConfigException(start + " has no " + FILE_NAME + "; write one with {\"build\": {\"command\": \"make\", "
                + "\"image\": \"build/app.elf\", \"debugImage\": \"build/app.dbg\"}}, or run from the Porthole repository to build the sample kernel");
    }

    /** The defaults for the sample kernel in the repository at {@code root}. */
    public static BuildConfig sampleKernel(Path root) {
        return new BuildConfig(root, SAMPLE_COMMAND, root.resolve("kernel/build/porthole.elf"), root.resolve("kernel/build/porthole.dbg"),
                "the sample kernel's defaults in " + root);
    }

    static boolean isRepositoryRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("kernel/Makefile"));
    }

    private static Optional<Path> findRepositoryAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static BuildConfig fromFile(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); fix it or move it away");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Path directory = file.toAbsolutePath().getParent();
        JsonNode build = root == null ? null : root.get("build");
        if (build != null && !build.isObject()) {
            throw new ConfigException(file + ": \"build\" must be an object such as {\"command\": \"make\", \"image\": \"build/app.elf\"}");
        }
        String command = text(file, build, "command");
        if (command == null || command.isBlank()) {
            command = "make";
        }
        String image = text(file, build, "image");
        String debugImage = text(file, build, "debugImage");
        return new BuildConfig(directory, command, image == null ? null : directory.resolve(image).normalize(),
                debugImage == null ? null : directory.resolve(debugImage).normalize(), FILE_NAME + " in " + directory);
    }

    private static String text(Path file, JsonNode build, String key) throws ConfigException {
        if (build == null || !build.has(key) || build.get(key).isNull()) {
            return null;
        }
        if (!build.get(key).isTextual()) {
            throw new ConfigException(file + ": build." + key + " must be a string, found " + build.get(key));
        }
        return build.get(key).asText();
    }
}
