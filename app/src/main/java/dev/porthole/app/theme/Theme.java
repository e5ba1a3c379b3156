package dev.porthole.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.porthole.icons.Icons;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The two themes: AtlantaFX's Primer as the base look, with Porthole's semantic colours on top. The colour palettes
 * live in the icons module ({@link Icons#THEME_DIR}), so every module's views and their tests use the same ones.
 */
public enum Theme {
    DARK(Icons.THEME_DIR + "dark.css", primer("primer-dark.bss", new PrimerDark().getUserAgentStylesheet())),
    LIGHT(Icons.THEME_DIR + "light.css", primer("primer-light.bss", new PrimerLight().getUserAgentStylesheet()));

    private static final String STRUCTURE = "workbench.css";

    private final String colours;
    private final String userAgentStylesheet;

    Theme(String colours, String userAgentStylesheet) {
        this.colours = colours;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public static Theme named(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).equals("light") ? LIGHT : DARK;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** Stylesheets for a scene, in order: this theme's colours, then the structure. Views add their own after. */
    public List<String> stylesheets() {
        return List.of(url(colours), url(STRUCTURE));
    }

    /**
     * Makes this theme the look of every control, before a scene is styled. Call it before the first control is made:
     * when JavaFX first loads its Control class it loads Modena, its own theme, unless a theme is set already, and
     * the window's first frame paid for parsing a stylesheet it never used.
     */
    public void installForControls() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    /** Applies the theme to the whole application and to {@code scene}, replacing the other theme. */
    public void apply(Scene scene) {
        installForControls();
        for (Theme theme : values()) {
            scene.getStylesheets().removeAll(theme.stylesheets());
        }
        scene.getStylesheets().addAll(0, stylesheets());
    }

    /**
     * AtlantaFX's theme as compiled to binary by the build (see {@code StylesheetCompiler}): parsing its 170 KB of
     * CSS is the largest single cost of the window's first frame. Falls back to the library's CSS when the build
     * step did not run (an IDE's own compiler, say).
     */
    private static String primer(String binary, String css) {
        var compiled = Theme.class.getResource(binary);
        return compiled != null ? compiled.toExternalForm() : css;
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }
}
