package dev.porthole.app.workspace;

import dev.porthole.launcher.ImageInfo;
import dev.porthole.launcher.ImageInspector;
import dev.porthole.launcher.ImageKind;
import dev.porthole.launcher.LaunchException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds bootable images in a folder so File > Open can offer a {@code porthole.json} for them: a Unikraft
 * {@code NAME_qemu-x86_64} with its {@code NAME_qemu-x86_64.dbg} twin, a multiboot or PVH ELF, a Linux
 * {@code bzImage}. What counts as bootable is {@link ImageInspector}'s call, the same one {@code porthole run} makes,
 * so nothing is offered that would then fail to boot. Looks up to {@value #MAX_DEPTH} folders deep (Unikraft puts
 * images in {@code .unikraft/build/} or {@code build/}).
 */
public final class ImageDiscovery {
    private static final int MAX_DEPTH = 4;
    /** Folders that hold history, build output of the workbench itself, dependencies or past runs, never the image. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "runs");
    /** What a build leaves beside an image that is not booted: debug twins, objects, libraries. */
    private static final List<String> NOT_BOOTED_SUFFIXES = List.of(".dbg", ".o", ".so", ".a");

    /** A bootable image, its debug twin beside it (null when none), and its kind as {@link ImageInspector} saw it. */
    public record Candidate(Path image, Path debugImage, ImageKind kind, String description) { }

    private ImageDiscovery() {
    }

    public static List<Candidate> find(Path folder) throws IOException {
        List<Candidate> found = new ArrayList<>();
        for (Path file : filesBelow(folder)) {
            inspect(file).ifPresent(info -> found.add(new Candidate(file,
                    info.debugImage().filter(debug -> !debug.equals(info.image())).orElse(null), info.kind(), info.description())));
        }
        // Unikraft's QEMU images first: they are what a user opening a Unikraft app folder means.
        found.sort(Comparator.comparing((Candidate c) -> !c.image().getFileName().toString().endsWith("_qemu-x86_64"))
                .thenComparing(c -> c.image().toString()));
        return found;
    }

    /** The regular files up to {@link #MAX_DEPTH} below {@code folder}, outside {@link #SKIPPED_FOLDERS}, by path. */
    private static List<Path> filesBelow(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skipped = !dir.equals(folder) && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && NOT_BOOTED_SUFFIXES.stream().noneMatch(name::endsWith)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable corner of the folder hides no image the user can boot
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static Optional<ImageInfo> inspect(Path file) {
        try {
            return Optional.of(ImageInspector.inspect(file));
        } catch (LaunchException notBootable) {
            return Optional.empty();
        }
    }

    /** A workspace config for a found image: no build command (the user's build system owns that), microvm unless bzImage. */
    public static WorkspaceConfig configFor(Path folder, Candidate candidate) {
        Path root = folder.toAbsolutePath().normalize();
        String image = root.relativize(candidate.image().toAbsolutePath().normalize()).toString();
        String debug = candidate.debugImage() == null ? null : root.relativize(candidate.debugImage().toAbsolutePath().normalize()).toString();
        // Unikraft 0.17 on microvm needs isa-debug-exit at 0x501 to exit, and its PIT calibration runs on pc as well.
        String machine = candidate.image().getFileName().toString().endsWith("_qemu-x86_64") || candidate.kind() == ImageKind.LINUX_BZIMAGE
                ? "pc" : "microvm";
        WorkspaceConfig.Launch launch = new WorkspaceConfig.Launch(machine, null, null, null, null, null, null, null, null);
        return new WorkspaceConfig(0, new WorkspaceConfig.Build(null, image, debug), launch, null, null);
    }
}
