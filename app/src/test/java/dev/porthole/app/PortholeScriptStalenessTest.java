package dev.porthole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./porthole} script's staleness check, run by bash on a small copy of the repository's layout: only
 * build inputs newer than the build stamp make a rebuild, and nothing under a target/ or .git folder counts, even
 * inside a module's src/.
 */
class PortholeScriptStalenessTest {
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("porthole");
    private static final Instant LAST_BUILD = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path repository;

    @BeforeEach
    void builtRepository() throws IOException {
        for (String input : new String[] {"pom.xml", "app/pom.xml", "app/src/main/java/Main.java", "kernel/Makefile",
                "kernel/main.c", "app/src/test/resources/fixture/pom.xml"}) {
            write(input, LAST_BUILD.minus(1, ChronoUnit.HOURS));
        }
        write("app/target/runtime-classpath.txt", LAST_BUILD);
        write("app/target/.porthole-built", LAST_BUILD);
    }

    private void write(String relative, Instant modified) throws IOException {
        Path file = repository.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Runs the script's own is_stale (and its STAMP) in the copy; "stale" or "fresh". */
    private String staleness() throws IOException, InterruptedException {
        String script = Files.readString(SCRIPT);
        Matcher stamp = Pattern.compile("(?m)^STAMP=.*$").matcher(script);
        Matcher function = Pattern.compile("(?ms)^is_stale\\(\\) \\{.*?^\\}$").matcher(script);
        assertTrue(stamp.find() && function.find(), SCRIPT + " has no STAMP= line or is_stale() function");
        String check = "set -euo pipefail\n" + stamp.group() + "\n" + function.group() + "\n"
                + "if is_stale; then echo stale; else echo fresh; fi\n";
        Process bash = new ProcessBuilder("bash", "-c", check).directory(repository.toFile()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "bash did not finish the check");
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void freshAfterABuildAndStaleOnceASourceChanges() throws Exception {
        assertEquals("fresh", staleness());
        write("app/src/main/java/Main.java", Instant.now());
        assertEquals("stale", staleness());
    }

    @Test
    void outputsAndRepositoriesUnderSrcAreNotInputs() throws Exception {
        write("app/src/test/resources/fixture/target/classes/Fixture.class", Instant.now());
        write("app/src/test/resources/fixture/.git/index", Instant.now());
        write("app/target/classes/Main.class", Instant.now());
        write("runs/20261202-1/console.log", Instant.now());
        assertEquals("fresh", staleness(), "only build outputs, a repository's files and runs are newer than the build");
        write("app/src/test/resources/fixture/pom.xml", Instant.now());
        assertEquals("stale", staleness(), "the fixture's own sources are inputs");
    }

    @Test
    void noStampMeansStale() throws Exception {
        Files.delete(repository.resolve("app/target/.porthole-built"));
        assertEquals("stale", staleness());
    }
}
