package dev.porthole.build.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.cli.CliCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    static Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new BuildCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path workspace(Path dir, String source) throws Exception {
        Files.writeString(dir.resolve("porthole.json"), "{\"build\": {\"command\": \"make\", \"image\": \"build/app.elf\"}}");
        Files.writeString(dir.resolve("Makefile"), "build/app.elf: main.c\n\tmkdir -p build\n\tgcc -Wall -g -nostdlib -static -o $@ main.c\n");
        Files.writeString(dir.resolve("main.c"), source);
        return dir;
    }

    @Test
    void failedBuildPrintsProblemsAndExitsOne(@TempDir Path dir) throws Exception {
        workspace(dir, "void _start(void) {\n  int unused;\n  return nothing_here;\n}\n");
        Result result = run(dir.toString());
        assertEquals(1, result.status(), result.err());
        assertTrue(result.out().contains("main.c:3:10: error: "), result.out());
        assertTrue(result.out().contains("main.c:2:7: warning: unused variable"), result.out());
        assertTrue(result.out().contains("Makefile:3: error: recipe for target 'build/app.elf' failed"), result.out());
        assertTrue(result.err().contains("failed with exit status 2"), result.err());
    }

    @Test
    void successfulBuildInJsonNamesTheImage(@TempDir Path dir) throws Exception {
        workspace(dir, "int value = 1;\nvoid _start(void) { for (;;) value++; }\n");
        Result result = run(dir.toString(), "--json");
        assertEquals(0, result.status(), result.err() + result.out());
        JsonNode json = result.json();
        assertEquals("succeeded", json.get("status").asText());
        assertEquals(dir.resolve("build/app.elf").toString(), json.get("image").asText());
        assertEquals(0, json.get("errors").asInt());
        assertTrue(json.get("debug_image").isNull());
    }

    @Test
    void textModePrintsTheImagePath(@TempDir Path dir) throws Exception {
        workspace(dir, "void _start(void) { for (;;); }\n");
        Result result = run(dir.toString(), "--verbose");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().strip().endsWith("image: " + dir.resolve("build/app.elf")), result.out());
        assertTrue(result.err().contains("s] gcc "), "verbose copies the build output with elapsed time: " + result.err());
    }

    @Test
    void workspaceWithoutConfigurationIsOneClearLine(@TempDir Path dir) throws Exception {
        Result result = run(dir.toString());
        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("porthole build: ") && result.err().contains("porthole.json"), result.err());
        assertThrows(CliCommand.UsageException.class, () -> run("a", "b"));
        assertThrows(CliCommand.UsageException.class, () -> run("--fast"));
    }
}
