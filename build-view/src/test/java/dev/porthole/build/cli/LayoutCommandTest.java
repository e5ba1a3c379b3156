package dev.porthole.build.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.build.TestTools;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.cli.CliCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCommandTest {
    record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    static Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LayoutCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasSectionsTotalsAndTopSymbolsWithFiles() throws Exception {
        Result result = run(SampleKernel.debugImage().toString(), "--top", "3", "--json");
        assertEquals(0, result.status(), result.err());
        JsonNode json = result.json();
        JsonNode text = json.get("sections").get(0);
        assertEquals(".text", text.get("name").asText());
        assertEquals(0x100000, text.get("address").asLong());
        assertEquals("AX", text.get("flags").asText());
        long sum = 0;
        for (JsonNode section : json.get("sections")) {
            sum += section.get("size").asLong();
        }
        assertEquals(sum, json.get("total_alloc_size").asLong());
        assertEquals(3, json.get("top_symbols").size());
        assertTrue(json.get("symbols_total").asInt() > 50);
        JsonNode top = json.get("top_symbols").get(0);
        assertTrue(top.get("size").asLong() >= json.get("top_symbols").get(1).get("size").asLong());
        assertTrue(top.get("file").asText().endsWith(".c") || top.get("file").asText().endsWith(".S"), top.toString());
    }

    @Test
    void textOutputListsSectionsAndSymbols() throws Exception {
        Result result = run(SampleKernel.debugImage().toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains(".text"), result.out());
        assertTrue(result.out().contains("total allocated"), result.out());
        assertTrue(result.out().contains("app_fault.c") || result.out().contains("kernel/"), result.out());
    }

    @Test
    void diffOfAnImageWithItselfChangesNothing() throws Exception {
        Result result = run(SampleKernel.debugImage().toString(), "--diff", SampleKernel.debugImage().toString(), "--json");
        assertEquals(0, result.status(), result.err());
        JsonNode json = result.json();
        assertEquals(0, json.get("total").get("delta").asLong());
        assertEquals(0, json.get("symbols").size());
        for (JsonNode section : json.get("sections")) {
            assertEquals(0, section.get("delta").asLong(), section.toString());
        }
    }

    @Test
    void diffOfTheStrippedWrapperReportsRemovedSymbols(@TempDir Path dir) throws Exception {
        Path stripped = dir.resolve("porthole.elf");
        TestTools.run("objcopy", "--strip-all", SampleKernel.debugImage().toString(), stripped.toString());
        Result result = run(SampleKernel.debugImage().toString(), "--diff", stripped.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("removed"), result.out());
    }

    @Test
    void badInputIsOneClearLineAndStatusOne(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("README"), "not a kernel, just words on a page\n");
        Result result = run(text.toString());
        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("porthole layout: " + text + " is not an ELF file"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertEquals(1, result.err().strip().split("\n").length);

        Result missing = run(dir.resolve("missing.elf").toString(), "--json");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void strippedImageWarnsAndNamesTheTwin(@TempDir Path dir) throws Exception {
        Path twin = Files.copy(SampleKernel.debugImage(), dir.resolve("porthole.dbg"));
        Path stripped = dir.resolve("porthole.elf");
        TestTools.run("objcopy", "--strip-all", twin.toString(), stripped.toString());
        Result result = run(stripped.toString(), "--json");
        assertEquals(0, result.status());
        assertTrue(result.err().contains("stripped") && result.err().contains(twin.toString()), result.err());
        assertEquals(0, result.json().get("symbols_total").asInt());
        assertTrue(result.json().get("warnings").get(0).asText().contains("stripped"));
    }

    @Test
    void usageErrors() {
        assertThrows(CliCommand.UsageException.class, () -> run());
        assertThrows(CliCommand.UsageException.class, () -> run("a.elf", "b.elf"));
        assertThrows(CliCommand.UsageException.class, () -> run("a.elf", "--top", "many"));
    }
}
