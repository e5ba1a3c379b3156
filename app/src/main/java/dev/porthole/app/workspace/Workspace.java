package dev.porthole.app.workspace;

import java.nio.file.Path;
import java.util.Optional;

/** A workspace: its folder and its {@code porthole.json}. Immutable; edits make a new one. */
public record Workspace(Path root, WorkspaceConfig config) {
    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public String name() {
        Path name = root.getFileName();
        return name == null ? root.toString() : name.toString();
    }

    public Optional<Path> image() {
        return resolve(config.build().image());
    }

    /** The ELF gdb loads: the configured debug image, or the image itself. */
    public Optional<Path> debugImage() {
        return resolve(config.build().debugImage()).or(this::image);
    }

    public Optional<String> buildCommand() {
        return Optional.ofNullable(config.build().command()).filter(c -> !c.isBlank());
    }

    /** A workspace-relative path for storing, or the absolute one when it lies outside. */
    public String relativize(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    public Path resolvePath(String stored) {
        return root.resolve(stored).normalize();
    }

    private Optional<Path> resolve(String stored) {
        return Optional.ofNullable(stored).filter(s -> !s.isBlank()).map(this::resolvePath);
    }

    public Workspace with(WorkspaceConfig newConfig) {
        return new Workspace(root, newConfig);
    }
}
