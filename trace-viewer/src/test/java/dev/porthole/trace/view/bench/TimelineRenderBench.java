package dev.porthole.trace.view.bench;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.view.TimelinePalette;
import dev.porthole.trace.view.TimelineRenderer;
import dev.porthole.trace.view.TimelineSurface;
import dev.porthole.trace.view.TimelineViewModel;
import dev.porthole.trace.view.ViewFixtures;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The speed target: one frame of 1,000,000 X events on 16 threads, at full range and three zoom levels,
 * median at most 16 ms each. Renders offscreen on the FX thread into a 1600x1000 Canvas with the real renderer.
 *
 * <p>Per level: {@code lod} the level-of-detail queries alone; {@code draw} the renderer's own time for a new
 * range (what the FX thread spends per frame: LOD queries plus recording the Canvas commands); {@code redraw} the
 * same range again (hover, selection: the LOD rectangles are reused); {@code draw+raster} adds {@code canvas.snapshot}, which makes
 * Prism execute those commands into pixels (the software pipeline under Monocle or Xvfb: the worst case). The
 * baseline, measured in the same run, is the naive frame: one fillRect per event in view, at full range.
 *
 * <pre>
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Xmx1g -cp ... \
 *     dev.porthole.trace.view.bench.TimelineRenderBench [runs]
 * </pre>
 */
public final class TimelineRenderBench {
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        long t0 = System.nanoTime();
        Trace trace = ViewFixtures.generated(1_000_000, 16);
        System.out.printf(Locale.ROOT, "trace: %,d events on %d tracks, built in %.0f ms%n", trace.eventCount(),
                trace.tracks().size(), (System.nanoTime() - t0) / 1e6);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                run(trace, runs);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get();
        Platform.exit();
    }

    private static void run(Trace trace, int runs) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        TimelineSurface surface = TimelineSurface.of(gc);
        TimelineRenderer renderer = new TimelineRenderer();
        TimelineViewModel model = new TimelineViewModel();
        model.setTrace(trace);
        model.viewportHeightProperty().set(HEIGHT - TimelineRenderer.RULER_HEIGHT);

        double baseline = naiveFrame(trace, canvas, gc, model, renderer, 3);
        System.out.printf(Locale.ROOT, "baseline (one fillRect per event, full range, draw+raster): median %.1f ms%n",
                baseline);
        double empty = emptyFrame(canvas, gc, runs);
        System.out.printf(Locale.ROOT, "empty frame (background only, draw+raster): median %.1f ms%n", empty);
        System.out.printf(Locale.ROOT, "%-12s %10s %8s %9s %11s %15s %8s %8s%n", "level", "span", "lod ms",
                "draw ms", "redraw ms", "draw+raster ms", "shapes", "vs base");
        for (double zoom : new double[] {1, 0.1, 0.01, 0.001}) {
            model.showAll();
            model.zoom(zoom, model.centre());
            // warm-up: JIT, glyph cache, text widths
            for (int i = 0; i < 10; i++) {
                renderer.draw(surface, model, TimelinePalette.DARK, WIDTH, HEIGHT);
                canvas.snapshot(null, null);
            }
            double[] draw = new double[runs];
            double[] full = new double[runs];
            double[] lod = new double[runs];
            dev.porthole.trace.model.LodFrame frame = new dev.porthole.trace.model.LodFrame();
            for (int i = 0; i < runs; i++) {
                long q = System.nanoTime();
                for (int t = 0; t < trace.tracks().size(); t++) {
                    trace.lod().query(t, model.getViewStart(), model.getViewEnd(), renderer.columns(WIDTH), frame);
                }
                lod[i] = (System.nanoTime() - q) / 1e6;
            }
            double[] redraw = new double[runs];
            for (int i = 0; i < runs; i++) {
                long r0 = System.nanoTime();
                renderer.draw(surface, model, TimelinePalette.DARK, WIDTH, HEIGHT); // same range: LOD cached
                redraw[i] = (System.nanoTime() - r0) / 1e6;
                canvas.snapshot(null, null);
            }
            for (int i = 0; i < runs; i++) {
                renderer.invalidateLod(); // a new range: every lane is queried again
                long a = System.nanoTime();
                renderer.draw(surface, model, TimelinePalette.DARK, WIDTH, HEIGHT);
                long b = System.nanoTime();
                canvas.snapshot(null, null);
                long c = System.nanoTime();
                draw[i] = (b - a) / 1e6;
                full[i] = (c - a) / 1e6;
            }
            double fullMedian = median(full);
            System.out.printf(Locale.ROOT, "%-12s %10s %8.2f %9.2f %11.2f %15.2f %8d %7.0fx%n",
                    zoom == 1 ? "full range" : "zoom " + zoom, dev.porthole.trace.view.TimeFormat.duration(model.getViewSpan()),
                    median(lod), median(draw), median(redraw), fullMedian, renderer.lastEventShapes(), baseline / fullMedian);
        }
    }

    /** What rasterizing and reading back a 1600x1000 canvas costs by itself. */
    private static double emptyFrame(Canvas canvas, GraphicsContext gc, int runs) {
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long a = System.nanoTime();
            gc.setFill(Color.BLACK);
            gc.fillRect(0, 0, WIDTH, HEIGHT);
            canvas.snapshot(null, null);
            times[r] = (System.nanoTime() - a) / 1e6;
        }
        return median(times);
    }

    /** The frame without a level-of-detail index: one rectangle per event. */
    private static double naiveFrame(Trace trace, Canvas canvas, GraphicsContext gc, TimelineViewModel model,
                                     TimelineRenderer renderer, int runs) {
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long a = System.nanoTime();
            gc.setFill(Color.BLACK);
            gc.fillRect(0, 0, WIDTH, HEIGHT);
            gc.setFill(Color.CORNFLOWERBLUE);
            for (int e = 0; e < trace.eventCount(); e++) {
                int track = trace.trackOf(e);
                double x0 = renderer.xOf(trace.start(e), model, WIDTH);
                double x1 = renderer.xOf(trace.end(e), model, WIDTH);
                gc.fillRect(x0, 30 + track * 60 + trace.depth(e) * 14, Math.max(1, x1 - x0), 12);
            }
            canvas.snapshot(null, null);
            times[r] = (System.nanoTime() - a) / 1e6;
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
