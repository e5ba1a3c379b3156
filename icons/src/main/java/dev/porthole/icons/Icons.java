package dev.porthole.icons;

import java.io.InputStream;
import java.util.Objects;
import javafx.scene.image.Image;
import org.kordamp.ikonli.javafx.FontIcon;

/** Makes the nodes for {@link Icon}s, all with one size and one style class, so the stylesheet colours them. */
public final class Icons {
    /** Style class on every icon node; the theme's stylesheet sets its colour. */
    public static final String STYLE_CLASS = "ph-icon";
    public static final int DEFAULT_SIZE = 16;
    /**
     * Resource folder of the colour palettes, {@code dark.css} and {@code light.css}: the semantic {@code -ph-*}
     * colours every view reads. The app's themes use them; view tests and demos in other modules can too.
     */
    public static final String THEME_DIR = "/dev/porthole/icons/theme/";

    /** A palette's stylesheet URL, for a scene: {@code dark} or {@code light}. */
    public static String paletteStylesheet(boolean dark) {
        return Objects.requireNonNull(Icons.class.getResource(THEME_DIR + (dark ? "dark.css" : "light.css")), "palette missing from the icons jar")
                .toExternalForm();
    }

    private Icons() {
    }

    public static FontIcon node(Icon icon) {
        return node(icon, DEFAULT_SIZE);
    }

    public static FontIcon node(Icon icon, int size) {
        FontIcon node = new FontIcon(icon.glyph());
        node.setIconSize(size);
        node.getStyleClass().add(STYLE_CLASS);
        return node;
    }

    /** The application logo, for the window and the about box. */
    public static Image logo() {
        return new Image(logoStream());
    }

    /** The raw logo PNG (64x64); a resource of this module. */
    public static InputStream logoStream() {
        return Objects.requireNonNull(Icons.class.getResourceAsStream("porthole-64.png"), "porthole-64.png is missing from the icons jar");
    }
}
