package dev.porthole.app.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFormatTest {
    private final LineFormat.Classifier classifier = new LineFormat.Classifier();

    private LineFormat.Classification classify(String text) {
        return classifier.classify(text);
    }

    @Test
    void unikraftLevelsAndLibraries() {
        assertEquals(new LineFormat.Classification(LogLevel.INFO, "libkvmplat"),
                classify("[    0.100178] Info: [libkvmplat] <tscclock.c @  276> Clock source: TSC"));
        assertEquals(new LineFormat.Classification(LogLevel.WARNING, "libukboot"),
                classify("[    1.000000] Warn: [libukboot] <boot.c @  100> slow"));
        assertEquals(new LineFormat.Classification(LogLevel.ERROR, "libvfscore"),
                classify("[    1.000000] ERR:  [libvfscore] <mount.c @   42> no root"));
        assertEquals(new LineFormat.Classification(LogLevel.CRITICAL, "libkvmplat"),
                classify("[    1.000000] CRIT: [libkvmplat] <traps.c @   80> page fault"));
        assertEquals(new LineFormat.Classification(LogLevel.DEBUG, "libuksched"),
                classify("[    1.000000] dbg:  [libuksched] <sched.c @  12> switch"));
        assertEquals(new LineFormat.Classification(LogLevel.INFO, "libukboot"),
                classify("Info: [libukboot] <boot.c @  276> without a timestamp"));
    }

    @Test
    void aUnikraftLineGluedToFirmwareTextIsStillRecognised() {
        assertEquals(new LineFormat.Classification(LogLevel.INFO, "libukconsole"),
                classify("Booting from ROM..[    0.000000] Info: [libukconsole] <console.c @  176> Registered con0"));
    }

    @Test
    void plainOutputHasNoLevelAndNoLibrary() {
        assertEquals(new LineFormat.Classification(LogLevel.OUTPUT, ""), classify("Hello world!"));
        assertEquals(new LineFormat.Classification(LogLevel.OUTPUT, ""), classify("oO   oO ' _ `| | |/ /  _)' _` | |_|  _)"));
        assertEquals(new LineFormat.Classification(LogLevel.OUTPUT, ""), classify("Arguments:  \"hello\" \"args\""));
    }

    @Test
    void theKernelsPanicBlockIsErrorFromPanicToPanicEnd() {
        List<LineFormat.Classification> kinds = new ArrayList<>();
        AnsiDecoder decoder = new AnsiDecoder(1000);
        for (String raw : ConsoleFixtures.kernelFaultLines()) {
            kinds.add(classify(decoder.decode(raw).text()));
        }

        assertEquals(new LineFormat.Classification(LogLevel.INFO, "porthole"), kinds.get(0));
        assertEquals(new LineFormat.Classification(LogLevel.INFO, "fault"), kinds.get(4));
        for (int i = 5; i <= 18; i++) {
            assertEquals(new LineFormat.Classification(LogLevel.ERROR, "panic"), kinds.get(i), "line " + i + " of the panic block");
        }
        assertEquals(new LineFormat.Classification(LogLevel.INFO, "porthole"), kinds.get(19), "after panic: end");
    }

    @Test
    void tokensLocateTimeLevelLibraryAndSource() {
        String line = "[    0.100178] Info: [libkvmplat] <tscclock.c @  276> Clock";
        int[] tokens = LineFormat.tokens(line);

        assertEquals("[    0.100178]", line.substring(tokens[0], tokens[1]));
        assertEquals("Info:", line.substring(tokens[2], tokens[3]));
        assertEquals("[libkvmplat]", line.substring(tokens[4], tokens[5]));
        assertEquals("<tscclock.c @  276>", line.substring(tokens[6], tokens[7]));
        assertArrayEquals(new int[] {-1, -1, 0, 9, -1, -1, -1, -1}, LineFormat.tokens("porthole: exit 0"));
        assertNull(LineFormat.tokens("Hello world!"));
    }
}
