package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeFormatTest {
    @Test
    void durationsUseTheUnitThatSuitsTheirSize() {
        assertEquals("850 ns", TimeFormat.duration(850));
        assertEquals("12.4 µs", TimeFormat.duration(12_400));
        assertEquals("5.43 ms", TimeFormat.duration(5_430_000));
        assertEquals("2.100 s", TimeFormat.duration(2_100_000_000L));
        assertEquals("+1.20 ms", TimeFormat.signedDuration(1_200_000));
        assertEquals("-850 ns", TimeFormat.signedDuration(-850));
    }

    @Test
    void tickStepsAreOneTwoFiveAndKeepLabelsApart() {
        // 10 ms over 1000 px with labels at least 90 px apart: 0.9 ms wanted -> 1 ms
        assertEquals(1_000_000, TimeFormat.tickStep(10_000_000, 1000, 90));
        // 1 ms over 1000 px: 90 µs wanted -> 100 µs
        assertEquals(100_000, TimeFormat.tickStep(1_000_000, 1000, 90));
        // 3 µs over 1000 px: 270 ns wanted -> 500 ns
        assertEquals(500, TimeFormat.tickStep(3_000, 1000, 90));
        assertEquals(2, TimeFormat.tickStep(20, 1000, 90));
        assertEquals(1, TimeFormat.tickStep(5, 1000, 90));
    }

    @Test
    void tickLabelsShareTheUnitOfTheLargestLabelAndShowTheStepsPrecision() {
        assertEquals("0", TimeFormat.tick(0, 200_000, 12_000_000));
        assertEquals("12.4 ms", TimeFormat.tick(12_400_000, 200_000, 13_000_000));
        assertEquals("12.42 ms", TimeFormat.tick(12_420_000, 20_000, 13_000_000));
        assertEquals("500 ns", TimeFormat.tick(500, 100, 900));
        assertEquals("3 s", TimeFormat.tick(3_000_000_000L, 1_000_000_000L, 5_000_000_000L));
        assertEquals("1.5 µs", TimeFormat.tick(1_500, 500, 4_000));
    }
}
