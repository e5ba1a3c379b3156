package dev.porthole.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.porthole.icons.Icons;
import dev.porthole.icons.StylesheetCompiler;
import dev.porthole.icons.ThemeMerger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The two themes: AtlantaFX's Primer as the base look, with Porthole's semantic colours on top. The colour palettes
 * live in the icons module ({@link Icons#THEME_DIR}), so every module's views and their tests use the same ones.
 *
 * <p>Both themes are always loaded: the build merges Primer Dark and Light, and Porthole's dark and light palettes,
 * into one stylesheet each (see {@link ThemeMerger}), the light look under the root's {@code :light} pseudo-class.
 * Switching theme flips that pseudo-class. Swapping stylesheets instead made JavaFX match every node of the window
 * against every selector again, which blocked the FX thread for 100 to 190 ms on these machines; the pseudo-class
 * only makes the nodes recompute their values, 20 ms or so.
 */
public enum Theme {
    DARK,
    LIGHT;

    private static final String PRIMER_BSS = "primer.bss";
    private static final String PALETTE_BSS = "palette.bss";
    private static final String STRUCTURE = "workbench.css";
    private static final PseudoClass LIGHT_LOOK = PseudoClass.getPseudoClass(ThemeMerger.LIGHT);

    public static Theme named(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).equals("light") ? LIGHT : DARK;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** Stylesheets for a scene, in order: the palettes, then the structure. Views add their own after. */
    public static List<String> stylesheets() {
        return Sheets.SCENE;
    }

    /**
     * Makes Primer the look of every control, before a scene is styled. Call it before the first control is made:
     * when JavaFX first loads its Control class it loads Modena, its own theme, unless a theme is set already, and
     * the window's first frame paid for parsing a stylesheet it never used. The same for both themes.
     */
    public static void installForControls() {
        Application.setUserAgentStylesheet(Sheets.PRIMER);
    }

    /** Gives {@code scene} this theme: its stylesheets when it has none of them yet, and the look of its root. */
    public void apply(Scene scene) {
        installForControls();
        if (!scene.getStylesheets().containsAll(stylesheets())) {
            scene.getStylesheets().removeAll(stylesheets());
            scene.getStylesheets().addAll(0, stylesheets());
        }
        if (scene.getRoot() != null) {
            mark(scene.getRoot());
        }
    }

    /**
     * Gives a window's root this theme's look, for a window with only the user-agent stylesheet: a dialog. (A popup's
     * nodes take their colours from the node that owns it, so they follow the theme by themselves.)
     */
    public void mark(Parent root) {
        root.pseudoClassStateChanged(LIGHT_LOOK, this == LIGHT);
    }

    /**
     * The merged stylesheets' URLs, found once (every debugger panel asks as it joins the scene): compiled by the
     * build, or merged now when it did not run (an IDE's own compiler, say).
     */
    private static final class Sheets {
        static final String PRIMER = compiledOr(PRIMER_BSS,
                () -> mergeNow(new PrimerDark().getUserAgentStylesheet(), new PrimerLight().getUserAgentStylesheet()));
        static final List<String> SCENE = List.of(
                compiledOr(PALETTE_BSS, () -> mergeNow(Icons.THEME_DIR + "dark.css", Icons.THEME_DIR + "light.css")),
                url(STRUCTURE));

        private static String compiledOr(String resource, java.util.function.Supplier<String> merge) {
            URL compiled = Theme.class.getResource(resource);
            return compiled != null ? compiled.toExternalForm() : merge.get();
        }
    }

    private static String mergeNow(String dark, String light) {
        try {
            Path css = Files.createTempFile("porthole-theme", ".css");
            css.toFile().deleteOnExit();
            Files.writeString(css, ThemeMerger.merge(StylesheetCompiler.readResource(dark), StylesheetCompiler.readResource(light), ThemeMerger.LIGHT));
            return css.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the themes " + dark + " and " + light, e);
        }
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }
}
