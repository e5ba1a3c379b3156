package dev.porthole.icons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges a dark and a light variant of one stylesheet into a single stylesheet whose light look is switched on by a
 * pseudo-class on the scene's root ({@code .root:light}).
 *
 * <p>Why: JavaFX restyles every node of every window from scratch when a scene's stylesheets or the application's
 * user-agent stylesheet change (each node is matched against every selector again). A pseudo-class on the root only
 * makes the nodes recompute their values from the matches they already have, several times cheaper: switching the
 * workbench's theme this way blocks the FX thread for a fraction of the time.
 *
 * <p>The two variants must have the same rules in the same order, as AtlantaFX's Primer Dark and Light and
 * Porthole's own palettes do; they may differ in declarations. The merge keeps the dark variant and adds:
 * <ul>
 *   <li>on {@code .root:light}, the light values of the root's declarations that differ (the palette itself);</li>
 *   <li>for a differing colour in another rule: the rule reads it from a new looked-up colour, {@code -ph-theme-N},
 *       defined on {@code .root} with the dark value and on {@code .root:light} with the light one. The rule keeps
 *       its selector, so its specificity against the other rules is unchanged;</li>
 *   <li>for a differing value that cannot be a looked-up colour (a {@code dropshadow(...)}), a rule with the light
 *       value under {@code .root:light}. That rule is more specific than the original, so it also wins over other
 *       rules that set the same property on the same node; in Primer these are only the drop shadows of popups.</li>
 * </ul>
 */
public final class ThemeMerger {
    /** The root's pseudo-class that selects the light half of a theme merged by the build. */
    public static final String LIGHT = "light";

    /** A rule: its selector text and its declarations, property to value, in order. */
    private record Rule(String selector, Map<String, String> declarations) {
    }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final String ROOT = ".root";
    private static final String VARIABLE = "-ph-theme-";

    private ThemeMerger() {
    }

    /**
     * The merged stylesheet. {@code pseudoClass} is the root's pseudo-class that selects the light variant, without
     * the colon. Throws {@link IllegalArgumentException} naming the first rule where the two variants' structures part.
     */
    public static String merge(String darkCss, String lightCss, String pseudoClass) {
        List<Rule> dark = parse(darkCss);
        List<Rule> light = parse(lightCss);
        if (dark.size() != light.size()) {
            throw new IllegalArgumentException("the two themes have " + dark.size() + " and " + light.size()
                    + " rules; they must have the same rules in the same order");
        }
        String lightRoot = ROOT + ":" + pseudoClass;
        Map<String, String> rootVariablesDark = new LinkedHashMap<>();
        Map<String, String> rootLight = new LinkedHashMap<>();
        List<Rule> overrides = new ArrayList<>();
        List<Rule> merged = new ArrayList<>();
        for (int i = 0; i < dark.size(); i++) {
            Rule d = dark.get(i);
            Rule l = light.get(i);
            if (!d.selector().equals(l.selector())) {
                throw new IllegalArgumentException("rule " + (i + 1) + " is '" + d.selector() + "' in the dark theme and '"
                        + l.selector() + "' in the light one; they must have the same rules in the same order");
            }
            if (d.selector().equals(ROOT)) {
                l.declarations().forEach((property, value) -> {
                    if (!value.equals(d.declarations().get(property))) {
                        rootLight.put(property, value);
                    }
                });
                merged.add(d);
                continue;
            }
            Map<String, String> declarations = new LinkedHashMap<>(d.declarations());
            Map<String, String> lightOnly = new LinkedHashMap<>();
            l.declarations().forEach((property, lightValue) -> {
                String darkValue = d.declarations().get(property);
                if (lightValue.equals(darkValue)) {
                    return;
                }
                List<String> darkParts = darkValue == null ? List.of() : splitTopLevel(darkValue);
                List<String> lightParts = splitTopLevel(lightValue);
                if (darkParts.size() != lightParts.size() || !lightParts.stream().allMatch(ThemeMerger::isColour)
                        || !darkParts.stream().allMatch(ThemeMerger::isColour)) {
                    lightOnly.put(property, lightValue);
                    return;
                }
                List<String> parts = new ArrayList<>();
                for (int p = 0; p < darkParts.size(); p++) {
                    if (darkParts.get(p).equals(lightParts.get(p))) {
                        parts.add(darkParts.get(p));
                    } else {
                        String variable = VARIABLE + (rootVariablesDark.size() + 1);
                        rootVariablesDark.put(variable, darkParts.get(p));
                        rootLight.put(variable, lightParts.get(p));
                        parts.add(variable);
                    }
                }
                declarations.put(property, String.join(", ", parts));
            });
            merged.add(new Rule(d.selector(), declarations));
            if (!lightOnly.isEmpty()) {
                overrides.add(new Rule(underRoot(d.selector(), lightRoot), lightOnly));
            }
        }

        StringBuilder out = new StringBuilder("/* Generated by ThemeMerger: the dark theme, and the light one under ")
                .append(lightRoot).append(". */\n");
        boolean rootWritten = false;
        for (Rule rule : merged) {
            if (rule.selector().equals(ROOT) && !rootWritten) {
                Map<String, String> root = new LinkedHashMap<>(rule.declarations());
                root.putAll(rootVariablesDark);
                write(out, ROOT, root);
                write(out, lightRoot, rootLight);
                rootWritten = true;
            } else {
                write(out, rule.selector(), rule.declarations());
            }
        }
        if (!rootWritten && !(rootVariablesDark.isEmpty() && rootLight.isEmpty())) {
            write(out, ROOT, rootVariablesDark);
            write(out, lightRoot, rootLight);
        }
        overrides.forEach(rule -> write(out, rule.selector(), rule.declarations()));
        return out.toString();
    }

    private static List<Rule> parse(String css) {
        String text = COMMENT.matcher(css).replaceAll("");
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank()) {
                throw new IllegalArgumentException("cannot read the stylesheet near '" + text.substring(end, m.start()).strip() + "'");
            }
            end = m.end();
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String declaration : splitTopLevel(m.group(2), ';')) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    declarations.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
                }
            }
            rules.add(new Rule(m.group(1).strip().replaceAll("\\s+", " "), declarations));
        }
        if (!text.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read the stylesheet near '" + text.substring(end).strip() + "'");
        }
        return rules;
    }

    /** Splits a value at its top-level commas: {@code a, rgba(1, 2, 3, 0.5)} is two parts. */
    static List<String> splitTopLevel(String value) {
        return splitTopLevel(value, ',');
    }

    /** Splits text at each {@code separator} outside parentheses and quotes (a data URL holds a ';'). */
    private static List<String> splitTopLevel(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(value.substring(start).strip());
        return parts;
    }

    /** Whether a value can be a looked-up colour's: a name, a hex colour, or a colour function, not an effect. */
    static boolean isColour(String value) {
        int paren = value.indexOf('(');
        return paren < 0 ? !value.contains(" ") : value.substring(0, paren).matches("rgba?|hsba?|derive|ladder");
    }

    /** Each selector of a list under {@code lightRoot}; a selector that starts at the root gets the pseudo-class. */
    private static String underRoot(String selectorList, String lightRoot) {
        List<String> out = new ArrayList<>();
        for (String selector : splitTopLevel(selectorList)) {
            boolean atRoot = selector.startsWith(ROOT) && (selector.length() == ROOT.length()
                    || ".:> ".indexOf(selector.charAt(ROOT.length())) >= 0);
            out.add(atRoot ? lightRoot + selector.substring(ROOT.length()) : lightRoot + " " + selector);
        }
        return String.join(", ", out);
    }

    private static void write(StringBuilder out, String selector, Map<String, String> declarations) {
        out.append(selector).append(" {\n");
        declarations.forEach((property, value) -> out.append("    ").append(property).append(": ").append(value).append(";\n"));
        out.append("}\n");
    }
}
