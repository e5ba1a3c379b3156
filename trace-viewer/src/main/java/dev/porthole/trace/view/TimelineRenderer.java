package dev.porthole.trace.view;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.LodFrame;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws one frame of a timeline: lane names on the left, the time ruler on top, and the lanes' slices, instants
 * and counters from the trace's level-of-detail index, so a frame costs at most one rectangle per pixel column
 * per slice row, however many events are in view. Search matches are outlined (the rest dimmed), the selection
 * is outlined in the accent colour and marked on the ruler.
 *
 * <p>Geometry: the time area starts at {@link #headerWidth()}; lanes start below {@link #RULER_HEIGHT} and are
 * shifted up by the view model's vertical scroll. The view's hit-testing uses the same helpers
 * ({@link #xOf}, {@link #timeAt}, {@link #laneTop}) so that what is clicked is what was drawn.
 *
 * <p>Allocates nothing per event; per frame only the labels it draws. Not thread-safe: one per view.
 */
public final class TimelineRenderer {
    public static final double RULER_HEIGHT = 30;
    public static final double DEFAULT_HEADER_WIDTH = 200;
    /** Minimum distance between ruler labels. */
    static final double TICK_SPACING = 90;
    /** Narrowest rectangle that gets a label. */
    static final double MIN_LABEL_WIDTH = 22;
    static final double INSTANT_HALF = 4.5;

    private static final Font SLICE_FONT = Font.font("System", 11);
    private static final Font LANE_FONT = Font.font("System", 12);
    private static final Font GROUP_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font RULER_FONT = Font.font("System", 10.5);

    // the LOD rectangles of each lane for the last range: a redraw for hover or selection does not query again
    private LodFrame[] frames = new LodFrame[0];
    private boolean[] framesValid = new boolean[0];
    private long framesFrom;
    private long framesTo;
    private int framesColumns;
    private final double[] polyX = new double[4];
    private final double[] polyY = new double[4];
    private double headerWidth = DEFAULT_HEADER_WIDTH;

    // per-trace caches, indexed by string id
    private Trace cachedFor;
    private int[] colourOfName = new int[0];
    private float[] labelWidthOfName = new float[0];
    private double[] counterMax = new double[0];
    private TimelinePalette colourCacheFor;
    private final TextWidths textWidths = new TextWidths(SLICE_FONT);

    /** Rectangles (slices, instants, counter steps) the last frame drew from the LOD index: for tests and benchmarks. */
    private long lastEventShapes;

    public double headerWidth() {
        return headerWidth;
    }

    public void setHeaderWidth(double width) {
        this.headerWidth = Math.max(60, width);
    }

    public long lastEventShapes() {
        return lastEventShapes;
    }

    // ---- geometry ----

    /** Width of the time area in a canvas {@code width} wide. */
    public double timeWidth(double width) {
        return Math.max(1, width - headerWidth);
    }

    /** Whole pixel columns the LOD index is queried with. */
    public int columns(double width) {
        return Math.max(1, (int) Math.floor(timeWidth(width)));
    }

    public double xOf(long timeNs, TimelineViewModel m, double width) {
        return headerWidth + (timeNs - m.getViewStart()) * timeWidth(width) / (double) Math.max(1, m.getViewSpan());
    }

    public long timeAt(double x, TimelineViewModel m, double width) {
        return m.getViewStart() + Math.round((x - headerWidth) * m.getViewSpan() / timeWidth(width));
    }

    /** Nanoseconds one pixel stands for. */
    public double nsPerPixel(TimelineViewModel m, double width) {
        return m.getViewSpan() / timeWidth(width);
    }

    /** Screen y of content y (lanes scroll under the fixed ruler). */
    public double screenY(double contentY, TimelineViewModel m) {
        return RULER_HEIGHT + contentY - m.getScrollY();
    }

    public double contentY(double screenY, TimelineViewModel m) {
        return screenY - RULER_HEIGHT + m.getScrollY();
    }

    public double laneTop(LaneLayout.Lane lane, int depth, TimelineViewModel m) {
        return screenY(lane.rowY(depth), m);
    }

    // ---- the frame ----

    public void draw(TimelineSurface g, TimelineViewModel m, TimelinePalette p, double width, double height) {
        lastEventShapes = 0;
        Trace trace = m.getTrace();
        prepareCaches(trace, p);
        g.setFill(p.background());
        g.fillRect(0, 0, width, height);
        if (trace == null || trace.eventCount() == 0) {
            drawRuler(g, m, p, trace, width);
            g.setFill(p.muted());
            g.setFont(LANE_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(trace == null ? "No trace" : "The trace has no events yet", width / 2, height / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        LaneLayout layout = m.getLayout();
        g.clipRect(0, RULER_HEIGHT, width, Math.max(0, height - RULER_HEIGHT));
        drawLaneBackgrounds(g, m, p, layout, width, height);
        drawGrid(g, m, p, trace, width, height);
        g.clipRect(headerWidth, RULER_HEIGHT, timeWidth(width), Math.max(0, height - RULER_HEIGHT));
        SearchMatches matches = m.getMatches();
        int columns = columns(width);
        double colWidth = timeWidth(width) / columns;
        int firstLane = layout.firstLaneBelow(m.getScrollY());
        double bottom = m.getScrollY() + height - RULER_HEIGHT;
        List<LaneLayout.Lane> lanes = layout.lanes();
        for (int i = firstLane; i < lanes.size() && lanes.get(i).y() < bottom; i++) {
            LaneLayout.Lane lane = lanes.get(i);
            if (lane.isCounter()) {
                drawCounter(g, m, p, trace, lane, columns, colWidth);
            } else {
                drawSlices(g, m, p, trace, lane, columns, colWidth, height, matches);
                if (matches.active() && matches.count() > 0) {
                    drawMatchOutlines(g, m, p, trace, lane, width, height, matches);
                }
            }
        }
        drawHoverAndSelection(g, m, p, trace, layout, width);
        g.restore();
        drawHeader(g, m, p, trace, layout, width, height);
        drawScrollThumb(g, m, p, layout, width, height);
        g.restore();
        drawRuler(g, m, p, trace, width);
    }

    /** A thin thumb at the right edge when the lanes are taller than the view (the wheel scrolls them). */
    private void drawScrollThumb(TimelineSurface g, TimelineViewModel m, TimelinePalette p, LaneLayout layout,
                                 double width, double height) {
        double viewport = height - RULER_HEIGHT;
        if (layout.height() <= viewport || viewport <= 0) {
            return;
        }
        double thumb = Math.max(24, viewport * viewport / layout.height());
        double y = RULER_HEIGHT + (viewport - thumb) * m.getScrollY() / (layout.height() - viewport);
        g.setFill(p.muted().deriveColor(0, 1, 1, 0.45));
        g.fillRect(width - 6, y + 2, 4, thumb - 4);
    }

    private void prepareCaches(Trace trace, TimelinePalette p) {
        if (trace == cachedFor && p == colourCacheFor) {
            return;
        }
        int names = trace == null ? 0 : trace.strings().size();
        if (trace != cachedFor) {
            int tracks = trace == null ? 0 : trace.tracks().size();
            frames = new LodFrame[tracks];
            framesValid = new boolean[tracks];
            labelWidthOfName = new float[names];
            Arrays.fill(labelWidthOfName, -1);
            counterMax = new double[trace == null ? 0 : trace.tracks().size()];
            if (trace != null) {
                for (Track t : trace.tracks()) {
                    if (t.kind() != TrackKind.COUNTER) {
                        continue; // counter samples only live on counter tracks: no pass over every slice
                    }
                    double max = 0;
                    for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                        if (trace.kind(e) == EventKind.COUNTER) {
                            double v = trace.counterValue(e);
                            if (!Double.isNaN(v)) {
                                max = Math.max(max, v);
                            }
                        }
                    }
                    counterMax[t.id()] = max;
                }
            }
        }
        colourOfName = new int[names];
        Arrays.fill(colourOfName, -1);
        cachedFor = trace;
        colourCacheFor = p;
    }

    private LodFrame lod(Trace trace, int track, TimelineViewModel m, int columns) {
        if (m.getViewStart() != framesFrom || m.getViewEnd() != framesTo || columns != framesColumns) {
            Arrays.fill(framesValid, false);
            framesFrom = m.getViewStart();
            framesTo = m.getViewEnd();
            framesColumns = columns;
        }
        LodFrame frame = frames[track];
        if (frame == null) {
            frame = new LodFrame();
            frames[track] = frame;
        }
        if (!framesValid[track]) {
            trace.lod().query(track, framesFrom, framesTo, columns, frame);
            framesValid[track] = true;
        }
        return frame;
    }

    /** Forgets the cached LOD rectangles, so the next frame queries every lane again (benchmarks). */
    public void invalidateLod() {
        Arrays.fill(framesValid, false);
    }

    private int colourIndex(Trace trace, TimelinePalette p, int nameId) {
        int c = colourOfName[nameId];
        if (c < 0) {
            c = p.sliceColourIndex(trace.strings().get(nameId));
            colourOfName[nameId] = c;
        }
        return c;
    }

    private void drawLaneBackgrounds(TimelineSurface g, TimelineViewModel m, TimelinePalette p, LaneLayout layout,
                                     double width, double height) {
        double top = m.getScrollY();
        double bottom = top + height - RULER_HEIGHT;
        List<LaneLayout.Lane> lanes = layout.lanes();
        for (int i = layout.firstLaneBelow(top); i < lanes.size() && lanes.get(i).y() < bottom; i++) {
            LaneLayout.Lane lane = lanes.get(i);
            double y = screenY(lane.y(), m);
            if (i % 2 == 1) {
                g.setFill(p.laneStripe());
                g.fillRect(headerWidth, y, width - headerWidth, lane.height());
            }
            g.setFill(p.border());
            g.fillRect(0, y + lane.height() - 1, width, 1);
        }
        for (LaneLayout.Group group : layout.groups()) {
            if (group.y() + group.height() < top || group.y() > bottom) {
                continue;
            }
            double y = screenY(group.y(), m);
            g.setFill(p.backgroundAlt());
            g.fillRect(0, y, width, group.height());
            g.setFill(p.border());
            g.fillRect(0, y + group.height() - 1, width, 1);
        }
    }

    private void drawGrid(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace, double width,
                          double height) {
        long step = TimeFormat.tickStep(m.getViewSpan(), timeWidth(width), TICK_SPACING);
        long base = trace.startTime();
        long first = Math.floorDiv(m.getViewStart() - base + step - 1, step) * step + base;
        g.setFill(p.gridLine());
        for (long t = first; t < m.getViewEnd(); t += step) {
            double x = Math.floor(xOf(t, m, width));
            if (x >= headerWidth) {
                g.fillRect(x, RULER_HEIGHT, 1, height - RULER_HEIGHT);
            }
        }
    }

    private void drawSlices(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace,
                            LaneLayout.Lane lane, int columns, double colWidth, double height, SearchMatches matches) {
        LodFrame frame = lod(trace, lane.track(), m, columns);
        boolean searching = matches.active();
        double nsPerColumn = m.getViewSpan() / (double) columns;
        g.setFont(SLICE_FONT);
        for (int i = 0, n = frame.size(); i < n; i++) {
            int depth = frame.depth(i);
            double y = laneTop(lane, depth, m);
            if (y + LaneLayout.ROW_HEIGHT < RULER_HEIGHT || y > height) {
                continue;
            }
            int e = frame.event(i);
            int nameId = trace.nameId(e);
            int ci = colourIndex(trace, p, nameId);
            boolean lit = !searching || matches.nameMatches(nameId);
            Color fill = lit ? p.sliceFill(ci) : p.dimmedFill(ci);
            double x = headerWidth + frame.x0(i) * colWidth;
            double w = (frame.x1(i) - frame.x0(i)) * colWidth;
            lastEventShapes++;
            g.setFill(fill);
            if (trace.kind(e) == EventKind.INSTANT && frame.count(i) == 1) {
                diamond(g, x + colWidth / 2, y + LaneLayout.ROW_HEIGHT / 2);
                continue;
            }
            // a one-pixel gap between neighbouring slices keeps them apart once they are wide enough to tell
            double drawnWidth = w >= 4 ? w - 1 : w;
            g.fillRect(x, y + 1, drawnWidth, LaneLayout.ROW_HEIGHT - 2);
            // a rectangle is named after its first event when that event covers most of it (a wide slice that
            // swallowed an instant at its end is still that slice)
            if (w >= MIN_LABEL_WIDTH && (frame.count(i) == 1
                    || (trace.duration(e) / nsPerColumn) >= 0.8 * (frame.x1(i) - frame.x0(i)))) {
                drawLabel(g, p, trace, nameId, ci, lit, x, y, drawnWidth);
            }
        }
    }

    private void diamond(TimelineSurface g, double cx, double cy) {
        polyX[0] = cx;
        polyY[0] = cy - INSTANT_HALF;
        polyX[1] = cx + INSTANT_HALF;
        polyY[1] = cy;
        polyX[2] = cx;
        polyY[2] = cy + INSTANT_HALF;
        polyX[3] = cx - INSTANT_HALF;
        polyY[3] = cy;
        g.fillPolygon(polyX, polyY, 4);
    }

    private void drawLabel(TimelineSurface g, TimelinePalette p, Trace trace, int nameId, int ci, boolean lit,
                           double x, double y, double w) {
        String name = trace.strings().get(nameId);
        if (name.isEmpty()) {
            return;
        }
        float full = labelWidthOfName[nameId];
        if (full < 0) {
            full = (float) textWidths.width(name);
            labelWidthOfName[nameId] = full;
        }
        double room = w - 8;
        String text = name;
        double textX = x + (w - full) / 2; // centred, like Perfetto, when it fits
        if (full > room) {
            textX = x + 4;
            double perChar = full / name.length();
            int fit = (int) ((room - textWidths.ellipsis()) / perChar);
            if (fit < 2) {
                return;
            }
            text = name.substring(0, Math.min(name.length(), fit)) + "…";
        }
        g.setFill(lit ? p.sliceText(ci) : p.muted());
        g.fillText(text, textX, y + LaneLayout.ROW_HEIGHT / 2);
    }

    private void drawCounter(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace,
                             LaneLayout.Lane lane, int columns, double colWidth) {
        LodFrame frame = lod(trace, lane.track(), m, columns);
        double max = counterMax[lane.track()];
        double top = screenY(lane.y(), m) + 4;
        double chartHeight = lane.height() - 8;
        Color colour = p.lane(lane.track() % 8);
        Color area = colour.deriveColor(0, 1, 1, 0.45);
        double end = headerWidth + columns * colWidth;
        // the sample before the window holds until the first sample inside it
        double carried = valueBefore(trace, lane.track(), m.getViewStart());
        double x = headerWidth;
        for (int i = 0, n = frame.size(); i <= n; i++) {
            double nextX = i < n ? headerWidth + frame.x0(i) * colWidth : end;
            if (!Double.isNaN(carried) && max > 0 && nextX > x) {
                double h = Math.max(1, chartHeight * carried / max);
                g.setFill(area);
                g.fillRect(x, top + chartHeight - h, nextX - x, h);
                g.setFill(colour);
                g.fillRect(x, top + chartHeight - h, nextX - x, 1.5);
                lastEventShapes++;
            }
            if (i < n) {
                carried = trace.counterValue(frame.event(i));
                x = nextX;
            }
        }
    }

    /** The counter's value at {@code time}: its last sample at or before it, or NaN before the first. */
    private static double valueBefore(Trace trace, int track, long time) {
        int sample = trace.lastEventStartingBy(track, time);
        return sample < 0 ? Double.NaN : trace.counterValue(sample);
    }

    private void drawMatchOutlines(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace,
                                   LaneLayout.Lane lane, double width, double height, SearchMatches matches) {
        Track track = trace.track(lane.track());
        long from = m.getViewStart();
        long to = m.getViewEnd();
        int i = matches.firstByIdAtOrAfter(track.firstEvent());
        g.setStroke(p.matchOutline());
        g.setLineWidth(1.5);
        double[] lastColumn = new double[lane.depths()];
        Arrays.fill(lastColumn, Double.NEGATIVE_INFINITY);
        long earliest = from - matches.longestNs();
        for (; i < matches.byIdCount(); i++) {
            int e = matches.byIdAt(i);
            if (e >= track.endEvent()) {
                break;
            }
            long s = trace.start(e);
            if (s < earliest || trace.end(e) < from) {
                continue;
            }
            if (s >= to) {
                break;
            }
            int depth = Math.min(trace.depth(e), lane.depths() - 1);
            double x0 = Math.max(headerWidth - 2, xOf(s, m, width));
            double x1 = Math.min(width + 2, xOf(trace.end(e), m, width));
            if (Math.floor(x0) <= lastColumn[depth]) {
                continue; // one outline per pixel column and row, like the slices
            }
            lastColumn[depth] = Math.floor(Math.max(x0, x1 - 1));
            double y = laneTop(lane, depth, m);
            if (trace.kind(e) == EventKind.INSTANT) {
                g.strokeRect(x0 - INSTANT_HALF - 1, y + 1, 2 * INSTANT_HALF + 2, LaneLayout.ROW_HEIGHT - 2);
            } else {
                g.strokeRect(x0 + 0.75, y + 1.75, Math.max(1, x1 - x0 - 1.5), LaneLayout.ROW_HEIGHT - 3.5);
            }
        }
    }

    private void drawHoverAndSelection(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace,
                                       LaneLayout layout, double width) {
        int hovered = m.getHoveredEvent();
        if (hovered >= 0 && hovered < trace.eventCount() && hovered != m.getSelectedEvent()) {
            outline(g, m, trace, layout, hovered, width, p.foreground().deriveColor(0, 1, 1, 0.7), 1);
        }
        int selected = m.getSelectedEvent();
        if (selected >= 0 && selected < trace.eventCount()) {
            // the selection's extent across every lane, so what ran at the same time is easy to see
            g.setFill(p.accent().deriveColor(0, 1, 1, 0.55));
            double top = RULER_HEIGHT;
            double h = layout.height() - m.getScrollY();
            g.fillRect(Math.floor(xOf(trace.start(selected), m, width)), top, 1, h);
            g.fillRect(Math.floor(xOf(trace.end(selected), m, width)), top, 1, h);
            outline(g, m, trace, layout, selected, width, p.foreground(), 2.5);
            outline(g, m, trace, layout, selected, width, p.accent(), 1.25);
        }
    }

    private void outline(TimelineSurface g, TimelineViewModel m, Trace trace, LaneLayout layout, int e, double width,
                         Color colour, double lineWidth) {
        LaneLayout.Lane lane = layout.laneOf(trace.trackOf(e));
        if (lane == null) {
            return;
        }
        int depth = lane.isCounter() ? 0 : Math.min(trace.depth(e), lane.depths() - 1);
        double y = laneTop(lane, depth, m);
        double x0 = xOf(trace.start(e), m, width);
        double x1 = Math.max(x0 + 1, xOf(trace.end(e), m, width));
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        if (trace.kind(e) == EventKind.INSTANT || lane.isCounter()) {
            g.strokeRect(x0 - INSTANT_HALF - 1.5, y, 2 * INSTANT_HALF + 3, LaneLayout.ROW_HEIGHT);
        } else {
            double left = Math.max(headerWidth - 4, x0);
            double right = Math.min(width + 4, x1);
            g.strokeRect(left, y + 0.5, Math.max(1, right - left - 1), LaneLayout.ROW_HEIGHT - 1);
        }
    }

    private void drawHeader(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace, LaneLayout layout,
                            double width, double height) {
        double top = m.getScrollY();
        double bottom = top + height - RULER_HEIGHT;
        g.setFill(p.backgroundAlt());
        g.fillRect(0, RULER_HEIGHT, headerWidth, height - RULER_HEIGHT);
        g.setTextAlign(TextAlignment.LEFT);
        List<LaneLayout.Lane> lanes = layout.lanes();
        g.setFont(LANE_FONT);
        for (int i = layout.firstLaneBelow(top); i < lanes.size() && lanes.get(i).y() < bottom; i++) {
            LaneLayout.Lane lane = lanes.get(i);
            double y = screenY(lane.y(), m);
            g.setFill(p.border());
            g.fillRect(0, y + lane.height() - 1, headerWidth, 1);
            g.setFill(p.lane(lane.track() % 8));
            g.fillRect(14, y + 4, 3, lane.height() - 9);
            g.setFill(p.foreground());
            double labelY = lane.isCounter() ? y + lane.height() / 2 : y + LaneLayout.LANE_PADDING + LaneLayout.ROW_HEIGHT / 2;
            g.fillText(fit(lane.name(), headerWidth - 34), 24, labelY);
            if (lane.isCounter() && counterMax[lane.track()] > 0) {
                g.setFill(p.muted());
                g.setFont(RULER_FONT);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(compact(counterMax[lane.track()]), headerWidth - 8, labelY);
                g.setTextAlign(TextAlignment.LEFT);
                g.setFont(LANE_FONT);
            }
        }
        for (LaneLayout.Group group : layout.groups()) {
            if (group.y() + group.height() < top || group.y() > bottom) {
                continue;
            }
            double y = screenY(group.y(), m);
            g.setFill(p.backgroundAlt());
            g.fillRect(0, y, headerWidth, group.height());
            g.setFill(p.muted());
            triangle(g, 10, y + group.height() / 2, group.collapsed());
            g.setFill(p.foreground());
            g.setFont(GROUP_FONT);
            g.fillText(fit(group.name(), headerWidth - 60), 22, y + group.height() / 2);
            g.setFill(p.muted());
            g.setFont(RULER_FONT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(group.trackCount() == 1 ? "1 track" : group.trackCount() + " tracks", headerWidth - 8,
                    y + group.height() / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(LANE_FONT);
        }
        g.setFill(p.border());
        g.fillRect(headerWidth - 1, RULER_HEIGHT, 1, height - RULER_HEIGHT);
    }

    private void triangle(TimelineSurface g, double cx, double cy, boolean collapsed) {
        if (collapsed) { // pointing right
            polyX[0] = cx - 2.5;
            polyY[0] = cy - 4.5;
            polyX[1] = cx + 3.5;
            polyY[1] = cy;
            polyX[2] = cx - 2.5;
            polyY[2] = cy + 4.5;
        } else { // pointing down
            polyX[0] = cx - 4.5;
            polyY[0] = cy - 2.5;
            polyX[1] = cx + 4.5;
            polyY[1] = cy - 2.5;
            polyX[2] = cx;
            polyY[2] = cy + 3.5;
        }
        g.fillPolygon(polyX, polyY, 3);
    }

    private void drawRuler(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace, double width) {
        g.setFill(p.backgroundAlt());
        g.fillRect(0, 0, width, RULER_HEIGHT);
        g.setFill(p.border());
        g.fillRect(0, RULER_HEIGHT - 1, width, 1);
        g.fillRect(headerWidth - 1, 0, 1, RULER_HEIGHT);
        long base = trace == null ? 0 : trace.startTime();
        g.setFont(RULER_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.muted());
        g.fillText("span " + TimeFormat.duration(m.getViewSpan()), 10, RULER_HEIGHT / 2);
        if (trace == null) {
            return;
        }
        g.clipRect(headerWidth, 0, timeWidth(width), RULER_HEIGHT);
        drawRulerMarks(g, m, p, trace, width);
        long step = TimeFormat.tickStep(m.getViewSpan(), timeWidth(width), TICK_SPACING);
        long first = Math.floorDiv(m.getViewStart() - base + step - 1, step) * step + base;
        long magnitude = Math.max(Math.abs(m.getViewStart() - base), Math.abs(m.getViewEnd() - base));
        for (long t = first; t < m.getViewEnd(); t += step) {
            double x = Math.floor(xOf(t, m, width));
            g.setFill(p.muted());
            g.fillRect(x, RULER_HEIGHT - 8, 1, 7);
            g.setFill(p.foreground());
            g.fillText(TimeFormat.tick(t - base, step, magnitude), x + 4, RULER_HEIGHT / 2 - 2);
        }
        g.restore();
    }

    /** The selection's extent and every search match (one mark per pixel column) along the ruler's bottom edge. */
    private void drawRulerMarks(TimelineSurface g, TimelineViewModel m, TimelinePalette p, Trace trace, double width) {
        int selected = m.getSelectedEvent();
        if (selected >= 0 && selected < trace.eventCount()) {
            double x0 = xOf(trace.start(selected), m, width);
            double x1 = Math.max(x0 + 2, xOf(trace.end(selected), m, width));
            g.setFill(p.accent().deriveColor(0, 1, 1, 0.28));
            g.fillRect(x0, 0, x1 - x0, RULER_HEIGHT - 1);
        }
        SearchMatches matches = m.getMatches();
        if (matches.count() == 0) {
            return;
        }
        g.setFill(p.matchOutline());
        double lastX = Double.NEGATIVE_INFINITY;
        int firstVisible = firstMatchStartingAtOrAfter(trace, matches, m.getViewStart());
        for (int i = firstVisible; i < matches.count(); i++) {
            long s = trace.start(matches.event(i));
            if (s >= m.getViewEnd()) {
                break;
            }
            double x = Math.floor(xOf(s, m, width));
            if (x <= lastX) {
                continue;
            }
            lastX = x;
            g.fillRect(x, RULER_HEIGHT - 5, 2, 4);
        }
    }

    private static int firstMatchStartingAtOrAfter(Trace trace, SearchMatches matches, long time) {
        int lo = 0;
        int hi = matches.count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.start(matches.event(mid)) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private String fit(String text, double room) {
        double w = textWidths.width(text) * LANE_FONT.getSize() / SLICE_FONT.getSize();
        if (w <= room) {
            return text;
        }
        int fit = (int) (text.length() * (room - textWidths.ellipsis()) / w);
        return fit < 1 ? "" : text.substring(0, fit) + "…";
    }

    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(java.util.Locale.ROOT, "%.1fG", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(java.util.Locale.ROOT, "%.0fk", v / 1e3);
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** Text widths in one font, measured once per string with a scene-less Text node. */
    static final class TextWidths {
        private final Text probe = new Text();
        private final double ellipsis;

        TextWidths(Font font) {
            probe.setFont(font);
            probe.setText("…");
            ellipsis = probe.getLayoutBounds().getWidth();
        }

        double width(String s) {
            probe.setText(s);
            return probe.getLayoutBounds().getWidth();
        }

        double ellipsis() {
            return ellipsis;
        }
    }
}
