package dev.porthole.app.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiDecoderTest {
    private final AnsiDecoder decoder = new AnsiDecoder(ConsoleViewModel.DEFAULT_MAX_LINE_CHARS);

    @Test
    void colourCodesBecomeStyleRunsAndLeaveTheText() {
        AnsiDecoder.Decoded line = decoder.decode("ok \u001b[1;31mFAILED\u001b[0m done");

        assertEquals("ok FAILED done", line.text());
        int bold = AnsiStyle.withForeground(AnsiStyle.BOLD, 1);
        assertArrayEquals(new int[] {3, 9, bold}, line.styleRuns());
        assertEquals(List.of("ph-ansi-fg-1", "ph-ansi-bold"), AnsiStyle.styleClasses(bold));
    }

    @Test
    void brightAnd256AndTrueColoursMapToThePalette() {
        int[] runs = decoder.decode("\u001b[92ma\u001b[38;5;208mb\u001b[48;2;255;0;0mc\u001b[39;49md").styleRuns();

        assertEquals(10, AnsiStyle.foreground(runs[2]), "SGR 92 is bright green, palette 10");
        assertEquals(208, AnsiStyle.foreground(runs[5]));
        assertEquals(196, AnsiStyle.background(runs[8]), "rgb(255,0,0) is xterm 196");
        assertEquals(9, runs.length, "d is plain again after 39;49");
    }

    @Test
    void cursorEraseModeAndOscSequencesNeverReachTheText() {
        String raw = "\u001bc\u001b[?7l\u001b[2J\u001b[H\u001b[0m\u001b]0;title\u0007\u001b[5;10HSeaBIOS\u001b[K\u001b(B\u001b7\u001b8!";

        AnsiDecoder.Decoded line = decoder.decode(raw);

        assertEquals("SeaBIOS!", line.text());
        assertNull(line.styleRuns());
    }

    @Test
    void carriageReturnOverwritesLikeATerminalAndATrailingOneVanishes() {
        assertEquals("Hello world!", decoder.decode("Hello world!\r").text());
        assertEquals("100% done", decoder.decode(" 10%\r 50%\r100% done").text());
        assertEquals("50%", decoder.decode("10% of it\r50%\u001b[K").text(), "erase-to-end-of-line after CR");
    }

    @Test
    void colourCarriesToTheNextLineUntilReset() {
        decoder.decode("\u001b[33mwarning starts");
        AnsiDecoder.Decoded next = decoder.decode("still yellow\u001b[m plain");

        assertEquals(3, AnsiStyle.foreground(next.styleRuns()[2]));
        assertEquals(12, next.styleRuns()[1], "the colour ends at the reset");
    }

    @Test
    void tabsExpandAndOtherControlCharactersDisappear() {
        AnsiDecoder.Decoded line = decoder.decode("a\tb\u0007\u0000c\bd");

        assertEquals("a       bd", line.text(), "tab to column 8, BEL and NUL dropped, backspace overwrites c");
    }

    @Test
    void theFixturesFirstLineIsSeaBiosWithoutItsEscapeCodes() {
        List<String> lines = ConsoleFixtures.unikraftLines();

        AnsiDecoder.Decoded first = decoder.decode(lines.get(0));
        AnsiDecoder.Decoded glued = decoder.decode(lines.get(1));

        assertTrue(lines.get(0).contains("\u001b["), "the fixture really starts with escape codes");
        assertEquals("SeaBIOS (version 1.16.2-debian-1.16.2-1)", first.text());
        assertTrue(glued.text().startsWith("Booting from ROM..[    0.000000] Info: [libukconsole]"));
        assertFalse(glued.text().contains("\r"));
    }

    @Test
    void anEndlessLineIsCut() {
        AnsiDecoder small = new AnsiDecoder(10);

        assertEquals("0123456789", small.decode("0123456789abcdef").text());
    }
}
