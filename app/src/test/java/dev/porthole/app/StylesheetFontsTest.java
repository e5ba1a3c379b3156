package dev.porthole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JavaFX reads only the first family of a {@code -fx-font-family} list and, when that font is not installed, draws
 * in the proportional System font: a list that starts with "JetBrains Mono" put the editor's and the console's code in
 * a proportional font on every machine without it. Every stylesheet of every module names one family.
 */
class StylesheetFontsTest {
    private static final Pattern FAMILY = Pattern.compile("-fx-font-family\\s*:\\s*([^;}]+)");

    @Test
    void everyFontFamilyIsOneFamilyThatJavaFxCanFind() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(LayeringTest.repoRoot())) {
            sheets = files.filter(f -> f.toString().endsWith(".css") && f.toString().contains("/src/main/resources/")).toList();
        }
        assertFalse(sheets.isEmpty(), "no stylesheets found under " + LayeringTest.repoRoot());
        List<String> lists = sheets.stream().flatMap(sheet -> {
            try {
                Matcher m = FAMILY.matcher(Files.readString(sheet));
                return m.results().map(r -> r.group(1).trim()).filter(value -> value.contains(","))
                        .map(value -> sheet.getFileName() + ": " + value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        assertEquals(List.of(), lists, "font family lists (JavaFX uses only the first): use one family, e.g. monospace");
    }
}
