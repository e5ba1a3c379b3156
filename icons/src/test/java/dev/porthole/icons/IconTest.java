package dev.porthole.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.material2.Material2ALIkonHandler;
import org.kordamp.ikonli.material2.Material2MZIkonHandler;

class IconTest {
    private final List<IkonHandler> handlers = List.of(new Material2ALIkonHandler(), new Material2MZIkonHandler());

    @Test
    void everyIconResolvesToAGlyphOfTheBundledFont() {
        for (Icon icon : Icon.values()) {
            String description = icon.glyph().getDescription();
            boolean resolved = handlers.stream().anyMatch(h -> h.supports(description) && h.resolve(description) != null);
            assertTrue(resolved, icon + " -> " + description + " is not in the Material 2 font");
        }
    }

    @Test
    void debugActionsLookDistinct() {
        // Two actions with one glyph would confuse a user reading the toolbar.
        Map<String, Icon> seen = new HashMap<>();
        for (Icon icon : List.of(Icon.BUILD, Icon.RUN, Icon.DEBUG, Icon.CONTINUE, Icon.PAUSE, Icon.STEP_OVER,
                Icon.STEP_INTO, Icon.STEP_OUT, Icon.RESTART, Icon.STOP)) {
            Icon before = seen.put(icon.glyph().getDescription(), icon);
            assertEquals(null, before, icon + " shares its glyph with " + before);
        }
    }

    @Test
    void logoIsASquarePng() throws Exception {
        BufferedImage logo = ImageIO.read(Icons.logoStream());
        assertEquals(64, logo.getWidth());
        assertEquals(64, logo.getHeight());
    }
}
