package dev.porthole.trace.view;

import java.util.Locale;

/**
 * Durations and ruler ticks in the unit that suits their size: ns, µs, ms or s. The ruler picks a "nice" step
 * (1, 2 or 5 times a power of ten nanoseconds) so that labels stay a readable distance apart, and prints every
 * tick with just enough decimals to tell it from its neighbours.
 */
public final class TimeFormat {
    private static final long[] NICE = {1, 2, 5};

    private TimeFormat() {
    }

    /** A duration for people: {@code 850 ns}, {@code 12.4 µs}, {@code 5.43 ms}, {@code 2.100 s}. */
    public static String duration(long ns) {
        long abs = Math.abs(ns);
        if (abs < 1_000) {
            return ns + " ns";
        }
        if (abs < 1_000_000) {
            return threeDigits(ns / 1e3) + " µs";
        }
        if (abs < 1_000_000_000) {
            return threeDigits(ns / 1e6) + " ms";
        }
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    /** A signed duration: {@code +1.20 ms}, {@code -850 ns}, {@code 0 ns}. */
    public static String signedDuration(long ns) {
        return ns > 0 ? "+" + duration(ns) : duration(ns);
    }

    /** Three significant digits: 1.23, 12.3, 123. */
    private static String threeDigits(double v) {
        double abs = Math.abs(v);
        String pattern = abs < 10 ? "%.2f" : abs < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /**
     * The smallest nice step (1-2-5 × 10^k ns, at least 1 ns) that keeps ticks at least {@code minPixels} apart
     * when {@code spanNs} is drawn over {@code widthPixels}.
     */
    public static long tickStep(long spanNs, double widthPixels, double minPixels) {
        if (spanNs <= 0 || widthPixels <= 0) {
            return 1;
        }
        double wanted = spanNs * minPixels / widthPixels;
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            for (long nice : NICE) {
                if (nice * power >= wanted) {
                    return nice * power;
                }
            }
        }
        return Long.MAX_VALUE / 10;
    }

    /**
     * A ruler label for the tick at {@code ns} (time since the trace's start). The unit suits the largest label on
     * screen ({@code magnitudeNs}), so neighbouring labels share it; the decimals are exactly what the step needs.
     */
    public static String tick(long ns, long stepNs, long magnitudeNs) {
        if (ns == 0) {
            return "0";
        }
        long scale = Math.max(Math.abs(magnitudeNs), stepNs);
        long unit;
        String suffix;
        if (scale < 1_000) {
            unit = 1;
            suffix = " ns";
        } else if (scale < 1_000_000) {
            unit = 1_000;
            suffix = " µs";
        } else if (scale < 1_000_000_000) {
            unit = 1_000_000;
            suffix = " ms";
        } else {
            unit = 1_000_000_000;
            suffix = " s";
        }
        // a 200 µs step printed in ms needs one decimal; a 20 µs step, two
        int decimals = 0;
        for (long s = Math.max(1, stepNs); s % unit != 0 && decimals < 9; s *= 10) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", ns / (double) unit) + suffix;
    }
}
