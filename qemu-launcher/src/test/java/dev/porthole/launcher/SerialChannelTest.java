package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes in, lines out: the parts of a channel no guest needs to show. */
class SerialChannelTest {
    private static void feed(SerialChannel channel, String text, long nanos) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        channel.accept(bytes, 0, bytes.length, nanos);
    }

    @Test
    void crlfAnsiAndLinesSplitAcrossReads() {
        SerialChannel channel = new SerialChannel("console");
        feed(channel, "\u001B[1;32mboot\u001B[0m ok\r", 1);
        feed(channel, "\nsecond li", 2);
        feed(channel, "ne\r\nlast without LF", 3);
        channel.close(4);
        List<SerialLine> lines = channel.lines();
        assertEquals(3, lines.size());
        assertEquals("\u001B[1;32mboot\u001B[0m ok", lines.get(0).text(), "CR removed, ANSI kept");
        assertEquals("boot ok", lines.get(0).plainText());
        assertEquals('\r', lines.get(0).bytes()[lines.get(0).bytes().length - 1], "raw bytes keep the CR");
        assertEquals(2, lines.get(0).hostNanos(), "stamped when the LF arrived");
        assertEquals("second line", lines.get(1).text());
        assertEquals(3, lines.get(1).hostNanos());
        assertEquals("last without LF", lines.get(2).text());
        assertEquals(4, lines.get(2).hostNanos(), "a last partial line is delivered at close");
        assertTrue(channel.closed().isDone());
    }

    @Test
    void longLinesAreCutAndMemoryIsBounded() {
        SerialChannel channel = new SerialChannel("console", 1024 * 1024);
        byte[] garbage = new byte[SerialChannel.MAX_LINE_BYTES * 20 + 5];
        java.util.Arrays.fill(garbage, (byte) 'x');
        channel.accept(garbage, 0, garbage.length, 1);
        channel.close(2);
        assertEquals(21, channel.lineCount());
        assertEquals(garbage.length, channel.byteCount());
        List<SerialLine> kept = channel.lines();
        assertTrue(kept.size() < 21 && channel.droppedLines() == 21 - kept.size(), kept.size() + " kept");
        assertEquals(5, kept.get(kept.size() - 1).bytes().length, "the newest lines are the ones kept");
    }

    @Test
    void listenersGetTheBacklogThenLiveLinesInOrder() {
        SerialChannel channel = new SerialChannel("trace");
        feed(channel, "a\nb\n", 1);
        List<String> seen = new ArrayList<>();
        channel.addListener(line -> seen.add(line.text()));
        feed(channel, "c\n", 2);
        channel.addListener(line -> {
            throw new IllegalStateException("a broken listener");
        });
        feed(channel, "d\n", 3);
        assertEquals(List.of("a", "b", "c", "d"), seen, "a failing listener does not stop the others");
    }

    @Test
    void aListenerWaitingForAnotherThreadDoesNotMakeThatThreadWaitForTheChannel() throws Exception {
        // The console's listener hands lines to the FX thread; the FX thread asks the channel for its counts. Delivered
        // under the channel's own lock, a listener that waited for the FX thread would have it wait for the lock.
        SerialChannel channel = new SerialChannel("console");
        java.util.concurrent.CompletableFuture<Long> countSeenByOtherThread = new java.util.concurrent.CompletableFuture<>();
        channel.addListener(line -> {
            Thread other = new Thread(() -> countSeenByOtherThread.complete(channel.lineCount()));
            other.start();
            try {
                other.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread reader = new Thread(() -> feed(channel, "one\n", 1));
        reader.start();
        assertEquals(1L, countSeenByOtherThread.get(5, java.util.concurrent.TimeUnit.SECONDS),
                "the count, read while the listener was still running");
        reader.join();
    }

    @Test
    void aRealUnikraftBootLogWithCrlfAndEscapes() throws Exception {
        // captured from Unikraft helloworld 0.17 on -M pc (copy of /work/shared/fixtures/unikraft/helloworld-boot-pc.log)
        byte[] log = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/unikraft-helloworld-boot-pc.log"));
        SerialChannel channel = new SerialChannel("console");
        for (int at = 0; at < log.length; at += 7) { // arriving in small reads, as from a socket
            channel.accept(log, at, Math.min(7, log.length - at), at);
        }
        channel.close(log.length);
        long lfs = new String(log, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
        assertEquals(lfs + (log[log.length - 1] == '\n' ? 0 : 1), channel.lineCount());
        SerialLine first = channel.lines().get(0);
        assertEquals("SeaBIOS (version 1.16.2-debian-1.16.2-1)", first.plainText(), "ESC c, ESC[?7l, ESC[2J, ESC[0m stripped");
        assertTrue(channel.lines().stream().noneMatch(l -> l.text().contains("\r")));
        assertTrue(channel.text().contains("Hello world!"));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        SerialChannel channel = new SerialChannel("console");
        byte[] bytes = {'o', 'k', (byte) 0xff, (byte) 0xc3, '\n'};
        channel.accept(bytes, 0, bytes.length, 1);
        assertEquals("ok\uFFFD\uFFFD", channel.lines().get(0).text());
    }
}
