package dev.porthole.trace.view;

import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours a Canvas timeline draws with. A Canvas cannot use CSS, so the view reads the theme's looked-up
 * colours ({@code -ph-bg}, ..., {@code -ph-lane-8}) from one hidden swatch node whose background lists them
 * (see {@code trace-view.css}, {@link #fromBackground}); without the app's theme it falls back to {@link #DARK} or
 * {@link #LIGHT}, which mirror the app's {@code dark.css} and {@code light.css}.
 *
 * <p>Slices take their colour from a hash of their name, so a phase has the same colour in every lane, every
 * run and both themes' positions; the 8 lane colours are each used in three shades for 24 distinct fills.
 */
public final class TimelinePalette {
    /** The CSS variables the swatch lists, in this order. */
    public static final List<String> VARIABLES = List.of("-ph-bg", "-ph-bg-alt", "-ph-fg", "-ph-muted", "-ph-accent",
            "-ph-selection", "-ph-match", "-ph-border", "-ph-lane-1", "-ph-lane-2", "-ph-lane-3", "-ph-lane-4",
            "-ph-lane-5", "-ph-lane-6", "-ph-lane-7", "-ph-lane-8");

    public static final TimelinePalette DARK = new TimelinePalette(true, Color.web("#1e1f22"), Color.web("#2b2d30"),
            Color.web("#dfe1e5"), Color.web("#8b8e94"), Color.web("#5c9ded"), Color.web("#214283"),
            Color.web("#6b5a1e"), Color.web("#393b40"), lanes("#4e7ac7", "#5fa861", "#c9873e", "#a463c4", "#3ea6a6",
            "#c75a6a", "#8a8f3c", "#6a6fd1"));
    public static final TimelinePalette LIGHT = new TimelinePalette(false, Color.web("#ffffff"), Color.web("#f7f8fa"),
            Color.web("#1f2328"), Color.web("#6c707e"), Color.web("#3574f0"), Color.web("#c2d8fc"),
            Color.web("#f6e58d"), Color.web("#d0d7de"), lanes("#3b6fd1", "#2f8f3a", "#c46f0d", "#8a3fb8", "#1d8a8a",
            "#b8364a", "#6f7413", "#4c52c9"));

    private final boolean dark;
    private final Color background;
    private final Color backgroundAlt;
    private final Color foreground;
    private final Color muted;
    private final Color accent;
    private final Color selection;
    private final Color match;
    private final Color border;
    private final Color[] lanes;
    private final Color[] sliceFills;
    private final Color[] sliceTexts;
    private final Color[] dimmedFills;
    private final Color matchOutline;
    private final Color gridLine;
    private final Color laneStripe;

    public TimelinePalette(boolean dark, Color background, Color backgroundAlt, Color foreground, Color muted,
                           Color accent, Color selection, Color match, Color border, Color[] lanes) {
        if (lanes.length == 0) {
            throw new IllegalArgumentException("a palette needs at least one lane colour");
        }
        this.dark = dark;
        this.background = background;
        this.backgroundAlt = backgroundAlt;
        this.foreground = foreground;
        this.muted = muted;
        this.accent = accent;
        this.selection = selection;
        this.match = match;
        this.border = border;
        this.lanes = lanes.clone();
        int shades = 3;
        sliceFills = new Color[lanes.length * shades];
        sliceTexts = new Color[sliceFills.length];
        for (int i = 0; i < lanes.length; i++) {
            Color base = lanes[i];
            sliceFills[i * shades] = base;
            sliceFills[i * shades + 1] = base.deriveColor(8, 1, dark ? 1.18 : 0.86, 1);
            sliceFills[i * shades + 2] = base.deriveColor(-8, 0.9, dark ? 0.84 : 1.14, 1);
        }
        for (int i = 0; i < sliceFills.length; i++) {
            sliceTexts[i] = luminance(sliceFills[i]) > 0.5 ? Color.web("#15171a") : Color.web("#f6f7f9");
        }
        dimmedFills = new Color[sliceFills.length];
        for (int i = 0; i < sliceFills.length; i++) {
            dimmedFills[i] = background.interpolate(sliceFills[i], 0.28);
        }
        // -ph-match is a text-background tint; on a canvas it must stand out against saturated slices
        matchOutline = dark ? match.deriveColor(0, 1.1, 2.3, 1) : match.deriveColor(0, 1.6, 0.62, 1);
        gridLine = foreground.deriveColor(0, 1, 1, dark ? 0.07 : 0.09);
        laneStripe = foreground.deriveColor(0, 1, 1, dark ? 0.025 : 0.03);
    }

    /** The palette in a swatch's background (one fill per {@link #VARIABLES} entry), or {@code fallback}. */
    public static TimelinePalette fromBackground(Background background, TimelinePalette fallback) {
        if (background == null || background.getFills().size() < VARIABLES.size()) {
            return fallback;
        }
        Color[] c = new Color[VARIABLES.size()];
        List<BackgroundFill> fills = background.getFills();
        for (int i = 0; i < c.length; i++) {
            Paint p = fills.get(i).getFill();
            if (!(p instanceof Color colour)) {
                return fallback;
            }
            c[i] = colour;
        }
        Color[] lanes = new Color[8];
        System.arraycopy(c, 8, lanes, 0, 8);
        return new TimelinePalette(luminance(c[0]) < 0.5, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], lanes);
    }

    private static Color[] lanes(String... web) {
        Color[] out = new Color[web.length];
        for (int i = 0; i < web.length; i++) {
            out[i] = Color.web(web[i]);
        }
        return out;
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** Index of the fill for a slice name: stable across runs, lanes and JVMs ({@link String#hashCode} is specified). */
    public int sliceColourIndex(String name) {
        int h = name.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, sliceFills.length);
    }

    public Color sliceFill(int index) {
        return sliceFills[index];
    }

    public Color sliceText(int index) {
        return sliceTexts[index];
    }

    public Color sliceFill(String name) {
        return sliceFills[sliceColourIndex(name)];
    }

    /** The fill of a slice that does not match the active search. */
    public Color dimmedFill(int index) {
        return dimmedFills[index];
    }

    /** Outline of slices matching the search, and their marks on the ruler. */
    public Color matchOutline() {
        return matchOutline;
    }

    public int sliceColourCount() {
        return sliceFills.length;
    }

    public boolean dark() {
        return dark;
    }

    public Color background() {
        return background;
    }

    public Color backgroundAlt() {
        return backgroundAlt;
    }

    public Color foreground() {
        return foreground;
    }

    public Color muted() {
        return muted;
    }

    public Color accent() {
        return accent;
    }

    public Color selection() {
        return selection;
    }

    public Color match() {
        return match;
    }

    public Color border() {
        return border;
    }

    public Color lane(int i) {
        return lanes[Math.floorMod(i, lanes.length)];
    }

    /** Faint vertical lines under the ruler's ticks. */
    public Color gridLine() {
        return gridLine;
    }

    /** The slightly different background of every other lane. */
    public Color laneStripe() {
        return laneStripe;
    }
}
