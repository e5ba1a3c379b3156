package dev.porthole.build.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The squarified treemap layout (Bruls, Huijsing, van Wijk, 2000): rectangles with areas proportional to
 * the values, laid in rows along the shorter side of what is left, a row growing while that improves its
 * worst aspect ratio. Pure geometry, no JavaFX, so it is tested on its own.
 */
public final class Squarify {
    /** One placed rectangle; {@code index} is the value's position in the input. */
    public record Cell(int index, double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    private Squarify() {
    }

    /**
     * @param values sizes, largest first (zero and negative values get no cell)
     * @return one cell per positive value, in input order
     */
    public static List<Cell> layout(long[] values, double x, double y, double width, double height) {
        List<Cell> cells = new ArrayList<>();
        double total = 0;
        int n = 0;
        while (n < values.length && values[n] > 0) {
            total += values[n];
            n++;
        }
        if (n == 0 || width <= 0 || height <= 0) {
            return cells;
        }
        double[] areas = new double[n];
        for (int i = 0; i < n; i++) {
            areas[i] = values[i] / total * width * height;
        }
        int i = 0;
        while (i < n) {
            double side = Math.min(width, height);
            int j = i;
            double rowSum = 0;
            double worst = Double.POSITIVE_INFINITY;
            while (j < n) {
                double sum = rowSum + areas[j];
                double candidate = worst(areas[i], areas[j], sum, side);
                if (j > i && candidate > worst) {
                    break;
                }
                worst = candidate;
                rowSum = sum;
                j++;
            }
            double thickness = rowSum / side;
            double offset = 0;
            for (int k = i; k < j; k++) {
                double length = areas[k] / thickness;
                if (width >= height) {
                    cells.add(new Cell(k, x, y + offset, thickness, length));
                } else {
                    cells.add(new Cell(k, x + offset, y, length, thickness));
                }
                offset += length;
            }
            if (width >= height) {
                x += thickness;
                width -= thickness;
            } else {
                y += thickness;
                height -= thickness;
            }
            i = j;
        }
        return cells;
    }

    /** The worst aspect ratio of a row holding areas from {@code largest} down to {@code smallest}, summing to {@code sum}. */
    private static double worst(double largest, double smallest, double sum, double side) {
        double side2 = side * side;
        double sum2 = sum * sum;
        return Math.max(side2 * largest / sum2, sum2 / (side2 * smallest));
    }
}
