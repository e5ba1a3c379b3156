package dev.porthole.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The console's behaviour without a UI: every thread is the test thread. */
class ConsoleViewModelTest {
    private final ConsoleViewModel console = new ConsoleViewModel(1_000_000, 1L << 30, ConsoleThreads.currentThread());

    private void appendAll(List<String> lines) {
        long t = 1_000_000_000L;
        for (String line : lines) {
            console.append(t, line);
            t += 1_000_000;
        }
    }

    private List<String> windowTexts() {
        return console.windowProperty().get().lines().stream().map(ConsoleLine::text).collect(Collectors.toList());
    }

    @Test
    void countsLinesPerLevelAndCollectsLibrariesInOrderOfAppearance() {
        appendAll(ConsoleFixtures.kernelThenUnikraft());

        assertEquals(52, console.retainedLinesProperty().get());
        assertEquals(14, console.levelCountProperty(LogLevel.ERROR).get(), "the kernel's panic block");
        assertEquals(6 + 22, console.levelCountProperty(LogLevel.INFO).get(), "kernel porthole:/fault: lines + Unikraft Info:");
        assertEquals(List.of("", "porthole", "fault", "panic", "libukconsole", "libkvmplat"), console.getLibraries().subList(0, 6));
        assertTrue(console.getLibraries().contains("libukschedcoop"));
    }

    @Test
    void aListenerOnTheLibrariesKeepsHearingAfterAGarbageCollection() {
        // The library filter adds its listener and keeps no reference to the list it got: a read-only view made per
        // call was collected with that listener, and the filter stayed empty.
        List<String> heard = new java.util.ArrayList<>();
        console.getLibraries().addListener((javafx.collections.ListChangeListener<String>) change -> {
            while (change.next()) {
                heard.addAll(change.getAddedSubList());
            }
        });
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        appendAll(ConsoleFixtures.kernelThenUnikraft());
        assertTrue(heard.contains("libkvmplat"), "heard " + heard);
    }

    @Test
    void hidingALevelRebuildsTheShownIndexAndShowingItBringsTheLinesBack() {
        console.setViewportRows(100);
        appendAll(ConsoleFixtures.kernelThenUnikraft());

        console.levelShownProperty(LogLevel.INFO).set(false);

        assertEquals(52 - 28, console.shownLinesProperty().get());
        assertTrue(windowTexts().stream().noneMatch(t -> t.contains("Info:") || t.startsWith("porthole:")));
        assertTrue(windowTexts().contains("Hello world!"));

        console.levelShownProperty(LogLevel.INFO).set(true);

        assertEquals(52, console.shownLinesProperty().get());
        assertTrue(windowTexts().stream().anyMatch(t -> t.contains("Info: [libkvmplat]")));
    }

    @Test
    void newLinesObeyTheFilterInForce() {
        console.levelShownProperty(LogLevel.ERROR).set(false);
        appendAll(ConsoleFixtures.kernelFaultLines());

        assertEquals(20 - 14, console.shownLinesProperty().get());
    }

    @Test
    void libraryFilterHidesTheLinesOfHiddenLibraries() {
        console.setViewportRows(100);
        appendAll(ConsoleFixtures.kernelThenUnikraft());

        console.getHiddenLibraries().addAll(List.of("libukboot", "panic"));

        assertTrue(windowTexts().stream().noneMatch(t -> t.contains("[libukboot]") || t.startsWith("rax=")));
        assertEquals(52 - 11 - 14, console.shownLinesProperty().get());

        console.getHiddenLibraries().clear();
        assertEquals(52, console.shownLinesProperty().get());
    }

    @Test
    void regexFilterIsSmartCaseAndABadRegexKeepsThePreviousFilter() {
        console.setViewportRows(100);
        appendAll(ConsoleFixtures.kernelThenUnikraft());

        console.regexFilterProperty().set("tsc|clock");
        assertEquals(List.of("porthole: tsc 2621381 kHz"), windowTexts().subList(0, 1));
        assertEquals(3, console.shownLinesProperty().get(), "the kernel's tsc line and Unikraft's two tscclock.c lines");

        console.regexFilterProperty().set("TSC");
        assertEquals(2, console.shownLinesProperty().get(), "a capital makes it case-sensitive");

        console.regexFilterProperty().set("TSC(");
        assertTrue(console.regexErrorProperty().get().contains("TSC("), console.regexErrorProperty().get());
        assertEquals(2, console.shownLinesProperty().get(), "still filtering by TSC");

        console.regexFilterProperty().set("");
        assertEquals("", console.regexErrorProperty().get());
        assertEquals(52, console.shownLinesProperty().get());
    }

    @Test
    void searchCountsOccurrencesAndNextPreviousWrapAround() {
        console.setViewportRows(10);
        appendAll(ConsoleFixtures.kernelThenUnikraft());
        console.scrollToStart();

        console.searchTextProperty().set("boot");

        // kernel "booting"; Unikraft "Booting from ROM", "bootstrap", and "libukboot"/"boot.c" on 11 lines
        assertEquals(25, console.matchCountProperty().get());
        assertEquals(1, console.currentMatchNumberProperty().get(), "typing selects the first occurrence from the top of the view");
        console.nextMatch();
        assertEquals(2, console.currentMatchNumberProperty().get());
        console.previousMatch();
        console.previousMatch();
        assertEquals(25, console.currentMatchNumberProperty().get(), "previous from the first wraps to the last");
        ConsoleWindow window = console.windowProperty().get();
        ConsoleLine selected = window.lines().stream().filter(l -> l.currentMatchFrom() >= 0).findFirst().orElseThrow();
        assertEquals("boot", selected.text().substring(selected.currentMatchFrom(), selected.currentMatchTo()));
        assertTrue(selected.text().contains("Halting system"), "the last occurrence is in boot.c's halt line: " + selected.text());
        assertFalse(console.followTailProperty().get() && window.top() != console.maxTopLineProperty().get());
    }

    @Test
    void followTailShowsTheNewestLinesAndScrollingUpPinsTheView() {
        console.setViewportRows(10);
        for (int i = 0; i < 100; i++) {
            console.append(i, "line " + i);
        }
        assertEquals("line 99", windowTexts().get(9));
        assertTrue(console.followTailProperty().get());

        console.scrollBy(-30);
        assertFalse(console.followTailProperty().get());
        assertEquals("line 60", windowTexts().get(0));

        for (int i = 100; i < 200; i++) {
            console.append(i, "line " + i);
        }
        assertEquals("line 60", windowTexts().get(0), "new lines do not move a paused view");

        console.scrollBy(1000);
        assertTrue(console.followTailProperty().get(), "reaching the bottom resumes following");
        assertEquals("line 199", windowTexts().get(9));
    }

    @Test
    void appendingBeyondCapacityDropsTheOldestLinesFromTheIndexesToo() {
        ConsoleViewModel small = new ConsoleViewModel(1000, 1L << 30, ConsoleThreads.currentThread());
        small.setViewportRows(5);
        small.searchTextProperty().set("7");
        for (int i = 0; i < 5000; i++) {
            small.append(i, (i % 10 == 7 ? "seven " : "other ") + i);
        }

        assertEquals(1000, small.retainedLinesProperty().get());
        assertEquals(4000, small.droppedLinesProperty().get());
        assertEquals(1000, small.shownLinesProperty().get());
        // Lines 4000..4999 kept: 100 "seven" lines with a 7 at the end, and digits 7 elsewhere.
        long expected = java.util.stream.IntStream.range(4000, 5000)
                .mapToLong(i -> ((i % 10 == 7 ? "seven " : "other ") + i).chars().filter(c -> c == '7').count()).sum();
        assertEquals(expected, small.matchCountProperty().get());
        small.scrollToStart();
        assertEquals("other 4000", small.windowProperty().get().lines().get(0).text());
    }

    @Test
    void timestampsCountFromTheRunStart() {
        console.setRunStart(500_000_000L);
        console.append(2_750_000_000L, "hello");

        assertEquals(2.25, console.windowProperty().get().lines().get(0).seconds(), 1e-9);
        assertEquals("    2.250", ConsoleView.formatSeconds(2.25));
    }

    @Test
    void clearForgetsLinesButNotLibraries() {
        appendAll(ConsoleFixtures.unikraftLines());
        console.clear();

        assertEquals(0, console.retainedLinesProperty().get());
        assertTrue(console.windowProperty().get().lines().isEmpty());
        assertTrue(console.getLibraries().contains("libkvmplat"));
        console.append(1, "after");
        assertEquals(List.of("after"), windowTexts());
    }

    /** A worker thread and a separate "UI" thread, as in the app, without JavaFX. */
    private static ConsoleThreads twoThreads() {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor();
        return new ConsoleThreads() {
            @Override
            public void runInBackground(Runnable task) {
                worker.execute(task);
            }

            @Override
            public void runOnUi(Runnable task) {
                ui.execute(task);
            }

            @Override
            public long minUiIntervalNanos() {
                return 20_000_000;
            }

            @Override
            public void shutdown() {
                worker.shutdownNow();
                ui.shutdownNow();
            }

            @Override
            public boolean mayWaitForWorker() {
                return !worker.isShutdown();
            }
        };
    }

    @Test
    void aProducerFasterThanTheWorkerLosesNothingAndKeepsOrder() throws Exception {
        try (ConsoleViewModel threaded = new ConsoleViewModel(1_000_000, 1L << 30, twoThreads())) {
            threaded.setViewportRows(3);
            int lines = 3 * ConsoleViewModel.MAX_PENDING_LINES;
            Thread producer = new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    threaded.append(i, "\u001b[32mline\u001b[0m " + i + "\r");
                }
            });
            producer.start();
            producer.join();
            threaded.flush().get(2, java.util.concurrent.TimeUnit.MINUTES);

            assertEquals(lines, threaded.retainedLinesProperty().get());
            List<String> last = threaded.windowProperty().get().lines().stream().map(ConsoleLine::text).toList();
            assertEquals(List.of("line " + (lines - 3), "line " + (lines - 2), "line " + (lines - 1)), last);
        }
    }

    @Test
    void aTextWithNewlinesIsSeveralLines() {
        console.append(1, "one\r\ntwo\nthree");

        assertEquals(List.of("one", "two", "three"), windowTexts());
        assertNotEquals(0, console.retainedLinesProperty().get());
    }
}
