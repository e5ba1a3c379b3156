package dev.porthole.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Finds the teaching kernel's images: {@code porthole.elf}, the multiboot image QEMU boots, and
 * {@code porthole.dbg}, the 64-bit ELF with DWARF that gdb loads.
 *
 * <p>Looked up in this order: the directory named by the system property {@code porthole.kernel.dir};
 * {@code kernel/build/} in the source tree above the working directory (so an edited kernel is used
 * as soon as make rebuilds it); the copies packed into this jar, extracted once per JVM.
 */
public final class SampleKernel {
    public static final String IMAGE_NAME = "porthole.elf";
    public static final String DEBUG_IMAGE_NAME = "porthole.dbg";
    public static final String DIR_PROPERTY = "porthole.kernel.dir";

    private static volatile Path extracted;

    private SampleKernel() {
    }

    /** The multiboot image QEMU boots with {@code -kernel}. */
    public static Path image() {
        return buildDir().resolve(IMAGE_NAME);
    }

    /** The 64-bit ELF with full DWARF that gdb loads symbols from. */
    public static Path debugImage() {
        return buildDir().resolve(DEBUG_IMAGE_NAME);
    }

    /** The kernel's source folder ({@code kernel/}), when running from a source tree. */
    public static Optional<Path> sourceDir() {
        return treeBuildDir().map(Path::getParent);
    }

    /** The folder holding both images. */
    public static Path buildDir() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve(IMAGE_NAME))) {
                throw new IllegalStateException("-D" + DIR_PROPERTY + "=" + property + " has no " + IMAGE_NAME
                        + "; build the kernel with 'make -C kernel' or unset the property");
            }
            return dir;
        }
        return treeBuildDir().orElseGet(SampleKernel::extractFromJar);
    }

    private static Optional<Path> treeBuildDir() {
        Path root = Optional.ofNullable(System.getProperty("porthole.root")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.dir")));
        for (Path dir = root.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("kernel/build"), dir.resolve("build")}) {
                if (Files.isRegularFile(candidate.resolve(IMAGE_NAME)) && Files.isRegularFile(candidate.resolve(DEBUG_IMAGE_NAME))
                        && Files.isRegularFile(candidate.getParent().resolve("Makefile"))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static synchronized Path extractFromJar() {
        if (extracted != null) {
            return extracted;
        }
        try {
            Path dir = Files.createTempDirectory("porthole-kernel-");
            dir.toFile().deleteOnExit();
            for (String name : new String[] {IMAGE_NAME, DEBUG_IMAGE_NAME}) {
                try (InputStream in = SampleKernel.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("the sample kernel is neither in a source tree nor in the porthole-kernel jar ("
                                + name + " missing); build it with 'make -C kernel'");
                    }
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the sample kernel to a temporary folder", e);
        }
    }
}
