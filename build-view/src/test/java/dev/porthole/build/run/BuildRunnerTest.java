package dev.porthole.build.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.layout.ImageLayout;
import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRunnerTest {
    static final String MAKEFILE = "build/app.elf: main.c\n\tmkdir -p build\n\tgcc -g -O1 -nostdlib -static -o $@ main.c\n";

    static Path workspace(Path dir, String source) throws Exception {
        Files.writeString(dir.resolve("porthole.json"), "{\"version\": 1, \"build\": {\"command\": \"make\", \"image\": \"build/app.elf\","
                + " \"debugImage\": \"build/app.elf\"}, \"launch\": {\"machine\": \"microvm\"}}");
        Files.writeString(dir.resolve("Makefile"), MAKEFILE);
        Files.writeString(dir.resolve("main.c"), source);
        return dir;
    }

    static final class Recorder implements BuildListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> stamps = Collections.synchronizedList(new ArrayList<>());
        final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        final List<BuildResult> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void line(String text, Duration elapsed) {
            lines.add(text);
            stamps.add(elapsed);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            diagnostics.add(diagnostic);
        }

        @Override
        public void finished(BuildResult result) {
            finished.add(result);
        }
    }

    @Test
    void successfulBuildReportsOutputAndTheImage(@TempDir Path dir) throws Exception {
        workspace(dir, "int counter = 3;\nvoid _start(void) { for (;;) counter++; }\n");
        Recorder recorder = new Recorder();
        BuildResult result = new BuildRunner(BuildConfig.forWorkspace(dir)).run(recorder);
        assertEquals(BuildResult.Status.SUCCEEDED, result.status(), result.message() + " " + recorder.lines);
        assertEquals(Optional.of(dir.resolve("build/app.elf")), result.image());
        assertTrue(recorder.lines.stream().anyMatch(l -> l.startsWith("gcc ")), recorder.lines.toString());
        for (int i = 1; i < recorder.stamps.size(); i++) {
            assertTrue(recorder.stamps.get(i).compareTo(recorder.stamps.get(i - 1)) >= 0, "elapsed times only grow");
        }
        assertEquals(List.of(result), recorder.finished);
        assertTrue(ImageLayout.read(result.image().get()).symbols().stream().anyMatch(s -> s.name().equals("counter")));
    }

    @Test
    void failedBuildStreamsDiagnosticsAndSaysWhy(@TempDir Path dir) throws Exception {
        workspace(dir, "void _start(void) {\n  return undefined_thing;\n}\n");
        Recorder recorder = new Recorder();
        BuildResult result = new BuildRunner(BuildConfig.forWorkspace(dir)).run(recorder);
        assertEquals(BuildResult.Status.FAILED, result.status());
        assertEquals(2, result.exitCode(), "make's status for a failed recipe");
        assertTrue(result.image().isEmpty());
        Diagnostic error = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR && "main.c".equals(d.file()))
                .findFirst().orElseThrow(() -> new AssertionError(result.diagnostics()));
        assertEquals(2, error.line());
        assertEquals(dir.resolve("main.c"), error.path());
        assertEquals(result.diagnostics(), recorder.diagnostics, "the listener saw every diagnostic as it came");
        assertTrue(result.message().contains("failed with exit status 2"), result.message());
    }

    @Test
    void cancelKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        // A child that ignores SIGTERM and one that left the process group: both must die.
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": "
                + "\"setsid sleep 301 & (trap '' TERM; sleep 302) & echo started; wait\"}}");
        Recorder recorder = new Recorder();
        BuildRunner.Running running = new BuildRunner(BuildConfig.forWorkspace(dir)).start(recorder);
        List<ProcessHandle> tree = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            tree.clear();
            ProcessHandle.of(running.pid()).ifPresent(p -> p.descendants().forEach(tree::add));
            if (tree.stream().filter(p -> p.info().command().orElse("").endsWith("sleep")).count() >= 2) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(tree.stream().filter(p -> p.info().command().orElse("").endsWith("sleep")).count() >= 2, "both sleeps started: " + tree);
        running.cancel();
        BuildResult result = running.result().get(30, TimeUnit.SECONDS);
        assertEquals(BuildResult.Status.CANCELLED, result.status());
        for (ProcessHandle process : tree) {
            process.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(process.isAlive(), "still running after cancel: " + process.info());
        }
    }

    @Test
    void commandThatCannotStartIsAFailureWithAMessage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": \"no-such-build-tool --all\"}}");
        BuildResult result = new BuildRunner(BuildConfig.forWorkspace(dir)).run(BuildListener.NONE);
        assertEquals(BuildResult.Status.FAILED, result.status());
        assertEquals(127, result.exitCode(), "the shell's 'command not found'");
    }

    @Test
    void configurationErrorsSayWhatToWrite(@TempDir Path dir) throws Exception {
        BuildConfig.ConfigException none = assertThrows(BuildConfig.ConfigException.class, () -> BuildConfig.forWorkspace(dir));
        assertTrue(none.getMessage().contains("has no porthole.json"), none.getMessage());
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": \"make\",}");
        BuildConfig.ConfigException broken = assertThrows(BuildConfig.ConfigException.class, () -> BuildConfig.forWorkspace(dir));
        assertTrue(broken.getMessage().contains("not valid JSON") && broken.getMessage().contains("line 1"), broken.getMessage());
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": 42}}");
        assertTrue(assertThrows(BuildConfig.ConfigException.class, () -> BuildConfig.forWorkspace(dir)).getMessage()
                .contains("build.command must be a string"));
        Files.writeString(dir.resolve("porthole.json"), "{\"launch\": {}}");
        assertEquals("make", BuildConfig.forWorkspace(dir).command(), "no build section: plain make");
    }

    @Test
    void repositoryRootWithoutPortholeJsonBuildsTheSampleKernel() throws Exception {
        Path kernel = SampleKernel.sourceDir().orElseThrow(() -> new AssertionError("run the tests from the source tree"));
        Path root = kernel.getParent();
        BuildConfig config = BuildConfig.forWorkspace(root);
        assertEquals("make -C kernel", config.command());
        assertEquals(root, config.directory());
        assertEquals(root.resolve("kernel/build/porthole.dbg"), config.debugImage());
    }

    @Test
    void buildsACopyOfTheRealSampleKernel(@TempDir Path dir) throws Exception {
        Path kernel = SampleKernel.sourceDir().orElseThrow(() -> new AssertionError("run the tests from the source tree"));
        Path copy = Files.createDirectory(dir.resolve("kernel"));
        try (Stream<Path> files = Files.list(kernel)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Recorder recorder = new Recorder();
        BuildResult result = new BuildRunner(BuildConfig.forWorkspace(dir)).run(recorder);
        assertEquals(BuildResult.Status.SUCCEEDED, result.status(), result.message() + "\n" + String.join("\n", recorder.lines));
        assertEquals(List.of(), result.diagnostics(), "the kernel builds without warnings");
        assertEquals(Optional.of(dir.resolve("kernel/build/porthole.dbg")), result.debugImage());
        assertTrue(ImageLayout.read(result.debugImage().get()).symbols().stream().anyMatch(s -> s.name().equals("kmain")));
    }
}
