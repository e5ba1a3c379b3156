package dev.porthole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core code never touches JavaFX: the CLI, the tests and the benchmarks drive it with no display.
 * Whole modules (qemu-launcher, gdb-bridge) and every package of trace-viewer and build-view outside
 * their {@code view} packages are core.
 */
class LayeringTest {
    private static final Pattern JAVAFX_USE = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.|[^\\w.\"]javafx\\.(?:[a-z]+\\.)+[A-Z]", Pattern.MULTILINE);

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("qemu-launcher")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** Java files under {@code root} that use JavaFX, skipping any folder named {@code view}. */
    static List<String> coreFilesUsingJavaFx(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !root.relativize(f).toString().matches("(.*/)?view/.*"))
                    .forEach(f -> {
                        try {
                            Matcher m = JAVAFX_USE.matcher(Files.readString(f));
                            if (m.find()) {
                                offenders.add(f + ": " + m.group().trim());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offenders;
    }

    @Test
    void coreModulesAndPackagesNeverUseJavaFx() {
        Path root = repoRoot();
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("qemu-launcher", "gdb-bridge", "trace-viewer", "build-view")) {
            offenders.addAll(coreFilesUsingJavaFx(root.resolve(module).resolve("src/main/java")));
        }
        assertEquals(List.of(), offenders, "core code imports JavaFX; move it to a view package");
    }

    @Test
    void theCheckCatchesAnImportAndAFullyQualifiedUse(@TempDir Path tmp) throws IOException {
        Path core = Files.createDirectories(tmp.resolve("dev/porthole/trace"));
        Path view = Files.createDirectories(tmp.resolve("dev/porthole/trace/view"));
        Files.writeString(core.resolve("A.java"), "package x;\nimport javafx.scene.Node;\nclass A {}\n");
        Files.writeString(core.resolve("B.java"), "package x;\nclass B { javafx.scene.paint.Color c; }\n");
        Files.writeString(core.resolve("C.java"), "package x;\nclass C { String s = \"javafx.scene\"; }\n");
        Files.writeString(view.resolve("V.java"), "package x;\nimport javafx.scene.Node;\nclass V {}\n");
        List<String> found = coreFilesUsingJavaFx(tmp);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().noneMatch(f -> f.contains("/view/")));
    }
}
