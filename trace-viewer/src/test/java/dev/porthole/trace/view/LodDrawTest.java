package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.trace.model.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The level-of-detail guarantee, counted on the draw calls themselves: a frame of a million events issues at
 * most one filled shape per pixel column per slice row (plus the fixed chrome: lane backgrounds, ruler ticks),
 * at full range and zoomed in.
 */
class LodDrawTest {
    static final double WIDTH = 1600;
    static final double HEIGHT = 1500; // all 16 lanes on screen
    private static Trace trace;

    @BeforeAll
    static void generate() {
        FxThread.ensureStarted();
        trace = ViewFixtures.generated(1_000_000, 16);
    }

    @Test
    void aFrameDrawsAtMostOneShapePerPixelColumnPerRow() {
        FxThread.run(() -> {
            TimelineViewModel model = new TimelineViewModel();
            model.setTrace(trace);
            TimelineRenderer renderer = new TimelineRenderer();
            CountingSurface counter = new CountingSurface(null);
            LaneLayout layout = model.getLayout();
            int rows = layout.lanes().stream().mapToInt(LaneLayout.Lane::depths).sum();
            int columns = renderer.columns(WIDTH);
            long chrome = 4L * (layout.lanes().size() + layout.groups().size()) + 64;
            assertEquals(16, layout.lanes().size());
            assertTrue(layout.height() + TimelineRenderer.RULER_HEIGHT <= HEIGHT, "every lane is on screen");
            for (double zoom : new double[] {1, 0.1, 0.01, 0.001}) {
                model.showAll();
                model.zoom(zoom, model.centre());
                counter.reset();
                renderer.draw(counter, model, TimelinePalette.DARK, WIDTH, HEIGHT);
                long inView = eventsInView(model);
                String what = "zoom " + zoom + ": " + counter.filledShapes() + " shapes for " + inView
                        + " events in view, " + rows + " rows x " + columns + " columns";
                assertTrue(counter.filledShapes() <= (long) rows * columns + chrome, what);
                assertTrue(renderer.lastEventShapes() <= (long) rows * columns, what);
                assertTrue(renderer.lastEventShapes() >= layout.lanes().size(), "every lane draws something: " + what);
                if (zoom == 1) {
                    assertTrue(inView == trace.eventCount() && counter.filledShapes() < inView / 10,
                            "at full range the frame is far cheaper than one shape per event: " + what);
                }
            }
        });
    }

    @Test
    void bootStagesAFewMicrosecondsApartKeepTheirOwnLabelledRectangles() throws Exception {
        // Boot stages as the kernel writes them, with fixed times: two wide stages with a 1 µs stage and 2 µs gaps
        // between them. (A live boot varies too much: a short stage's label is rightly truncated.)
        String stream = String.join("\n",
                "#porthole-trace 1 tsc_hz=1000000000",
                "B 1000 boot.cmdline", "E 401000 boot.cmdline",
                "B 403000 boot.gdt", "E 404000 boot.gdt",
                "B 406000 boot.timer", "E 806000 boot.timer") + "\n";
        Trace kernel = dev.porthole.trace.io.TraceFiles.load(stream.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "trace.log");
        FxThread.run(() -> {
            TimelineViewModel model = new TimelineViewModel();
            model.setTrace(kernel);
            int timer = -1;
            int cmdline = -1;
            for (int e = 0; e < kernel.eventCount(); e++) {
                timer = kernel.name(e).equals("boot.timer") ? e : timer;
                cmdline = kernel.name(e).equals("boot.cmdline") ? e : cmdline;
            }
            // from the command line's start to the timer's end: both wide, neighbours only µs apart
            model.setRange(kernel.start(cmdline), kernel.end(timer));
            java.util.List<String> labels = new java.util.ArrayList<>();
            CountingSurface recorder = new CountingSurface(null) {
                @Override
                public void fillText(String text, double x, double y) {
                    labels.add(text);
                }
            };
            new TimelineRenderer().draw(recorder, model, TimelinePalette.DARK, WIDTH, 600);
            assertTrue(labels.contains("boot.timer") && labels.contains("boot.cmdline"),
                    "each wide stage is its own rectangle with its name: " + labels);
        });
    }

    private static long eventsInView(TimelineViewModel model) {
        long n = 0;
        for (int e = 0; e < trace.eventCount(); e++) {
            if (trace.end(e) >= model.getViewStart() && trace.start(e) < model.getViewEnd()) {
                n++;
            }
        }
        return n;
    }
}
