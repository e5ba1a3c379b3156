package dev.porthole.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeMergerTest {
    private static final String DARK = """
            /* a palette */
            .root { -bg: #000000; -fg: #ffffff; -same: red; }
            .button { -hover: -base-6; -fx-padding: 4px; }
            .list-cell:selected { -fx-background-color: -border, -base-7; }
            .tooltip { -fx-effect: dropshadow(three-pass-box, -shadow, 8px, 0.6, 0, 2); }
            .icon { -fx-background-image: url("data:image/png;base64,AAAA"); }
            """;
    private static final String LIGHT = """
            .root { -bg: #ffffff; -fg: #000000; -same: red; }
            .button { -hover: -base-1; -fx-padding: 4px; }
            .list-cell:selected { -fx-background-color: -border, -base-2; }
            .tooltip { -fx-effect: dropshadow(three-pass-box, -shadow, 6px, 0.3, 0, 2); }
            .icon { -fx-background-image: url("data:image/png;base64,AAAA"); }
            """;

    private static String block(String css, String selector) {
        int start = css.indexOf("\n" + selector + " {");
        assertTrue(start >= 0, "no rule " + selector + " in\n" + css);
        return css.substring(start + 1, css.indexOf('}', start) + 1);
    }

    @Test
    void theRootsDifferencesGoUnderTheLightPseudoClass() {
        String merged = ThemeMerger.merge(DARK, LIGHT, "light");
        assertTrue(block(merged, ".root").contains("-bg: #000000;"));
        String light = block(merged, ".root:light");
        assertTrue(light.contains("-bg: #ffffff;") && light.contains("-fg: #000000;"), light);
        assertFalse(light.contains("-same"), "only what differs: " + light);
    }

    @Test
    void aRulesDifferingColourIsReadFromALookedUpColourAndTheSelectorIsKept() {
        String merged = ThemeMerger.merge(DARK, LIGHT, "light");
        assertEquals(".button {\n    -hover: -ph-theme-1;\n    -fx-padding: 4px;\n}", block(merged, ".button"));
        assertEquals(".list-cell:selected {\n    -fx-background-color: -border, -ph-theme-2;\n}", block(merged, ".list-cell:selected"));
        assertTrue(block(merged, ".root").contains("-ph-theme-1: -base-6;"));
        assertTrue(block(merged, ".root:light").contains("-ph-theme-1: -base-1;"));
        assertTrue(block(merged, ".root:light").contains("-ph-theme-2: -base-2;"));
    }

    @Test
    void aDifferingEffectGetsALightRuleUnderTheRoot() {
        String merged = ThemeMerger.merge(DARK, LIGHT, "light");
        assertTrue(block(merged, ".tooltip").contains("8px, 0.6"));
        assertEquals(".root:light .tooltip {\n    -fx-effect: dropshadow(three-pass-box, -shadow, 6px, 0.3, 0, 2);\n}",
                block(merged, ".root:light .tooltip"));
    }

    @Test
    void aSemicolonInADataUrlDoesNotEndTheDeclaration() {
        String merged = ThemeMerger.merge(DARK, LIGHT, "light");
        assertTrue(block(merged, ".icon").contains("url(\"data:image/png;base64,AAAA\")"), merged);
    }

    @Test
    void themesWhoseRulesDifferAreRefusedNamingTheRule() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ThemeMerger.merge(".root { -a: b; }\n.button { -x: y; }", ".root { -a: c; }\n.label { -x: y; }", "light"));
        assertTrue(e.getMessage().contains("rule 2 is '.button' in the dark theme and '.label' in the light one"), e.getMessage());
        var count = assertThrows(IllegalArgumentException.class, () -> ThemeMerger.merge(".root { -a: b; }", "", "light"));
        assertTrue(count.getMessage().contains("1 and 0 rules"), count.getMessage());
    }

    @Test
    void valuesSplitAtTopLevelCommasOnly() {
        assertEquals(List.of("-a", "rgba(1, 2, 3, 0.5)"), ThemeMerger.splitTopLevel("-a, rgba(1, 2, 3, 0.5)"));
        assertTrue(ThemeMerger.isColour("rgba(0, 0, 0, 0.32)"));
        assertTrue(ThemeMerger.isColour("-color-base-6"));
        assertFalse(ThemeMerger.isColour("dropshadow(three-pass-box, -c, 8px, 0.6, 0, 2)"));
    }
}
