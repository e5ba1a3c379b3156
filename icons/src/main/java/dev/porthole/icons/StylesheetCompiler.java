package dev.porthole.icons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * Compiles stylesheets to JavaFX's binary form at build time (each UI module runs it on its {@code target/classes}).
 *
 * <p>Why: when {@code foo.bss} sits beside {@code foo.css}, JavaFX loads the binary one and skips the CSS parser,
 * which is most of what a stylesheet costs on a cold start. AtlantaFX's Primer theme (170 KB, 1,013 rules) takes
 * about 110 ms to parse in a new JVM and 17 ms to load as binary; the workbench's first frame waits for it.
 *
 * <p>Usage: {@code StylesheetCompiler DIR [RESOURCE=TARGET ...]}. Every {@code .css} under {@code DIR} gets a
 * {@code .bss} beside it, unless one newer than the source is already there. Each {@code RESOURCE=TARGET} compiles
 * a stylesheet found on the class path (a library's) to {@code DIR/TARGET}; its {@code url(...)}s must be absolute
 * class-path paths, since the binary resolves relative ones against where it is loaded from. A
 * {@code DARK+LIGHT=TARGET} merges two class-path stylesheets with {@link ThemeMerger} first, the light one under
 * {@code .root:light}, and compiles the result.
 *
 * <p>The {@code .css} files stay the source of truth and stay in the jars: edit them, and the next build refreshes
 * the binaries. A build that skips this step still works, only slower, as JavaFX falls back to the {@code .css}.
 */
public final class StylesheetCompiler {
    private StylesheetCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: StylesheetCompiler DIR [CLASSPATH_RESOURCE=TARGET ...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int compiled = compileTree(dir);
        for (String mapping : List.of(args).subList(1, args.length)) {
            int eq = mapping.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected RESOURCE=TARGET, got '" + mapping + "'");
            }
            String source = mapping.substring(0, eq);
            Path target = dir.resolve(mapping.substring(eq + 1));
            int plus = source.indexOf('+');
            if (plus > 0) {
                compileThemes(source.substring(0, plus), source.substring(plus + 1), target);
            } else {
                compileResource(source, target);
            }
            compiled++;
        }
        System.out.println("[stylesheets] " + compiled + " compiled to .bss under " + dir);
    }

    /** Compiles every stale {@code .css} under {@code dir}; returns how many it compiled. */
    public static int compileTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".css")).toList();
        }
        int compiled = 0;
        for (Path css : sources) {
            Path bss = binaryFor(css);
            if (!Files.exists(bss) || Files.getLastModifiedTime(bss).compareTo(Files.getLastModifiedTime(css)) < 0) {
                compile(css, bss);
                compiled++;
            }
        }
        return compiled;
    }

    /** Compiles the class-path stylesheet {@code resource} (e.g. a library's theme) to {@code target}. */
    public static void compileResource(String resource, Path target) throws IOException {
        compileText(readResource(resource), target);
    }

    /** Merges the class-path themes {@code dark} and {@code light} (see {@link ThemeMerger}) and compiles them to {@code target}. */
    public static void compileThemes(String dark, String light, Path target) throws IOException {
        compileText(ThemeMerger.merge(readResource(dark), readResource(light), ThemeMerger.LIGHT), target);
    }

    /** JavaFX compiles files only: the text goes through a temporary one. */
    private static void compileText(String css, Path target) throws IOException {
        Path source = Files.createTempFile("stylesheet", ".css");
        try {
            Files.writeString(source, css);
            compile(source, target);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    /** A stylesheet on the class path, as text. */
    public static String readResource(String resource) throws IOException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = StylesheetCompiler.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no stylesheet " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Path binaryFor(Path css) {
        String name = css.getFileName().toString();
        return css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
    }

    private static void compile(Path css, Path bss) throws IOException {
        Files.createDirectories(bss.toAbsolutePath().getParent());
        try {
            Stylesheet.convertToBinary(css.toFile(), bss.toFile());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
