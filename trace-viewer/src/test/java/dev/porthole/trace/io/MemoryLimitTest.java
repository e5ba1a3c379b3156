package dev.porthole.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.model.TraceTooLargeException;
import java.io.BufferedWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryLimitTest {
    @TempDir
    static Path shared;
    private static Path big;

    /** ~33 MB of Chrome JSON, 450,000 events: about 15 MB of columns once loaded, more while loading. */
    private static synchronized Path big() throws Exception {
        if (big == null) {
            big = chromeFile(shared, 450_000);
        }
        return big;
    }

    private static Path chromeFile(Path dir, int events) throws Exception {
        Path file = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[");
            for (int i = 0; i < events; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"name\":\"n" + (i % 50) + "\",\"ph\":\"X\",\"ts\":" + i * 10
                        + ",\"dur\":5,\"pid\":1,\"tid\":" + (i % 8) + "}");
            }
            out.write("]");
        }
        return file;
    }

    @Test
    void aTraceTooBigForTheHeapIsRefusedWithAClearMessageNotAnOutOfMemoryError() throws Exception {
        Path file = big();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                SmallHeapLoad.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertFalse(output.contains("OutOfMemoryError"), output);
        assertEquals(3, child.exitValue(), output);
        assertTrue(output.startsWith("refused: refused to load " + file), output);
        assertTrue(output.contains("-Xmx"), "says what to do: " + output);
    }

    @Test
    void theSameTraceLoadsWhenTheHeapAllowsIt() throws Exception {
        assertEquals(450_000, TraceFiles.load(big()).eventCount());
    }

    @Test
    void aFileFarBeyondTheHeapIsRefusedBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Runtime.getRuntime().maxMemory() * 40); // sparse: no disk used, never read
        }
        TraceTooLargeException e = assertThrows(TraceTooLargeException.class, () -> TraceFiles.load(huge));
        assertTrue(e.getMessage().contains("may use only"), e.getMessage());
    }

    @Test
    void anEventLimitIsHonoured(@TempDir Path dir) throws Exception {
        Path file = chromeFile(dir, 5000);
        TraceTooLargeException e = assertThrows(TraceTooLargeException.class, () -> TraceFiles.load(file, 2000));
        assertTrue(e.getMessage().contains("more than 2000 events"), e.getMessage());
        assertEquals(List.of(), TraceFiles.load(file, 5000).report().warnings());
    }
}
