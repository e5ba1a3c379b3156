package dev.porthole.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared by the tests: run a real tool, find the JDK's libjvm.so. */
public final class TestTools {
    private TestTools() {
    }

    /** The running JDK's {@code libjvm.so}: a real ELF of tens of MB with a big symbol table. */
    public static Path libjvm() {
        Path home = Path.of(System.getProperty("java.home"));
        for (Path candidate : List.of(home.resolve("lib/server/libjvm.so"), home.resolve("jre/lib/amd64/server/libjvm.so"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no libjvm.so under " + home);
    }

    /** Runs a command, returns its output lines (stderr merged), fails the test when it exits non-zero. */
    public static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed: " + lines);
        return lines;
    }
}
