package dev.porthole.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds bootable images in a folder so File > Open can offer a {@code porthole.json} for them: a Unikraft
 * {@code NAME_qemu-x86_64} with its {@code NAME_qemu-x86_64.dbg} twin, any ELF (multiboot or PVH), a Linux
 * {@code bzImage}. Looks two levels deep (Unikraft puts images in {@code .unikraft/build/} or {@code build/}).
 */
public final class ImageDiscovery {
    private static final int MAX_DEPTH = 4;

    public record Candidate(Path image, Path debugImage, String kind) { }

    private ImageDiscovery() {
    }

    public static List<Candidate> find(Path folder) throws IOException {
        List<Candidate> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
            List<Path> regular = files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            for (Path file : regular) {
                String name = file.getFileName().toString();
                if (name.endsWith(".dbg") || name.endsWith(".o") || name.endsWith(".so") || name.endsWith(".a")) {
                    continue;
                }
                kindOf(file).ifPresent(kind -> {
                    Path twin = file.resolveSibling(name + ".dbg");
                    if (!Files.isRegularFile(twin)) {
                        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                        twin = file.resolveSibling(stem + ".dbg");
                    }
                    found.add(new Candidate(file, Files.isRegularFile(twin) ? twin : null, kind));
                });
            }
        }
        // Unikraft's QEMU images first: they are what a user opening a Unikraft app folder means.
        found.sort(Comparator.comparing((Candidate c) -> !c.image().getFileName().toString().endsWith("_qemu-x86_64"))
                .thenComparing(c -> c.image().toString()));
        return found;
    }

    /** A workspace config for a found image: no build command (the user's build system owns that), microvm unless bzImage. */
    public static WorkspaceConfig configFor(Path folder, Candidate candidate) {
        Path root = folder.toAbsolutePath().normalize();
        String image = root.relativize(candidate.image().toAbsolutePath().normalize()).toString();
        String debug = candidate.debugImage() == null ? null : root.relativize(candidate.debugImage().toAbsolutePath().normalize()).toString();
        // Unikraft 0.17 on microvm needs isa-debug-exit at 0x501 to exit, and its PIT calibration runs on pc as well.
        String machine = candidate.image().getFileName().toString().endsWith("_qemu-x86_64") || candidate.kind().equals("bzImage") ? "pc" : "microvm";
        WorkspaceConfig.Launch launch = new WorkspaceConfig.Launch(machine, null, null, null, null, null, null, null, null);
        return new WorkspaceConfig(0, new WorkspaceConfig.Build(null, image, debug), launch, null, null);
    }

    static Optional<String> kindOf(Path file) {
        byte[] head = new byte[0x210];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (n >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            int type = (head[16] & 0xff) | (head[17] & 0xff) << 8;
            int machine = (head[18] & 0xff) | (head[19] & 0xff) << 8;
            boolean executable = type == 2;
            boolean x86 = machine == 3 || machine == 62;
            return executable && x86 ? Optional.of(head[4] == 1 ? "ELF32" : "ELF64") : Optional.empty();
        }
        if (n >= 0x206 && head[0x202] == 'H' && head[0x203] == 'd' && head[0x204] == 'r' && head[0x205] == 'S') {
            return Optional.of("bzImage");
        }
        return Optional.empty();
    }
}
