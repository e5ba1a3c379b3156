package dev.porthole.build.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.run.BuildConfig;
import dev.porthole.build.run.BuildListener;
import dev.porthole.build.run.BuildResult;
import dev.porthole.build.run.BuildRunner;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code porthole build [WORKSPACE] [--json] [--verbose]}: runs the workspace's build command (see
 * {@link BuildConfig} for the {@code porthole.json} keys read), prints each diagnostic as
 * {@code file:line:col: severity: message} (notes indented below), then the image path. Exit status 0
 * when the build succeeds, 1 when it fails or is interrupted (Ctrl-C cancels the whole build).
 *
 * <p>{@code --verbose} copies the build's own output to stderr as it comes, with the elapsed time.
 * {@code --json} prints one object: {@code status} (succeeded, failed, cancelled), {@code exit_code},
 * {@code elapsed_ms}, {@code command}, {@code directory}, {@code image}, {@code debug_image} (null when
 * missing), {@code errors}, {@code warnings}, {@code message} and {@code diagnostics} (each with
 * {@code severity}, {@code tool}, {@code file}, {@code path}, {@code line}, {@code column},
 * {@code message}, {@code option}, {@code function}, {@code included_from}, {@code notes}).
 * File names are printed relative to the working directory when they are below it.
 */
public final class BuildCommand implements CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "build";
    }

    @Override
    public String summary() {
        return "build the workspace's image; print problems and the image path";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: porthole build [WORKSPACE] [--json] [--verbose]",
                "",
                "Runs the build command of WORKSPACE's porthole.json ({\"build\": {\"command\", \"image\", \"debugImage\"}}),",
                "or, in the Porthole repository without one, 'make -C kernel' for the sample kernel.",
                "Prints problems as file:line:col: severity: message, then the image. Exit status 1 on failure.",
                "--verbose  also copy the build's output to stderr as it runs",
                "--json     print one JSON object instead");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CliArgs parsed = CliArgs.parse(args, Set.of(), Set.of("json", "verbose", "help"));
        if (parsed.flag("help")) {
            out.println(usage());
            return 0;
        }
        List<String> positionals = parsed.positionals(1, "at most one WORKSPACE");
        BuildConfig config;
        try {
            config = BuildConfig.forWorkspace(positionals.isEmpty() ? null : Path.of(positionals.get(0)));
        } catch (BuildConfig.ConfigException e) {
            err.println("porthole build: " + e.getMessage());
            return 1;
        }
        boolean json = parsed.flag("json");
        boolean verbose = parsed.flag("verbose");
        if (!json) {
            err.println("porthole build: " + config.command() + "  (in " + config.directory() + ")");
        }
        BuildListener listener = new BuildListener() {
            @Override
            public void line(String text, Duration elapsed) {
                if (verbose) {
                    err.printf("[%6.1fs] %s%n", elapsed.toMillis() / 1000.0, text);
                }
            }
        };
        BuildRunner.Running running = new BuildRunner(config).start(listener);
        Thread cancelOnExit = new Thread(running::cancel, "porthole-build-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        BuildResult result;
        try {
            result = running.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook cancels the build
            }
        }
        Path here = Path.of("").toAbsolutePath();
        if (json) {
            out.println(JSON.writeValueAsString(toJson(config, result, here)));
        } else {
            for (Diagnostic diagnostic : result.diagnostics()) {
                out.println(format(diagnostic, here));
                for (Diagnostic note : diagnostic.notes()) {
                    out.println("  " + format(note, here));
                }
            }
            if (result.succeeded()) {
                result.image().ifPresent(image -> out.println("image: " + display(image, here)));
                result.debugImage().ifPresent(image -> out.println("debug image: " + display(image, here)));
            }
            err.println("porthole build: " + result.message());
        }
        return result.succeeded() ? 0 : 1;
    }

    /** {@code file:line:col: severity: message}, the file relative to {@code here} when below it. */
    static String format(Diagnostic diagnostic, Path here) {
        if (diagnostic.path() == null) {
            return diagnostic.format();
        }
        String shown = display(diagnostic.path(), here);
        return new Diagnostic(diagnostic.severity(), diagnostic.tool(), shown, diagnostic.path(), diagnostic.line(), diagnostic.column(),
                diagnostic.message(), diagnostic.option(), diagnostic.function(), diagnostic.includedFrom(), diagnostic.excerpt(),
                diagnostic.fixIts(), diagnostic.notes()).format();
    }

    static String display(Path path, Path here) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    private static ObjectNode toJson(BuildConfig config, BuildResult result, Path here) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        root.put("exit_code", result.exitCode());
        root.put("elapsed_ms", result.elapsed().toMillis());
        root.put("command", config.command());
        root.put("directory", config.directory().toString());
        root.put("image", result.image().map(Path::toString).orElse(null));
        root.put("debug_image", result.debugImage().map(Path::toString).orElse(null));
        root.put("errors", result.count(Severity.ERROR));
        root.put("warnings", result.count(Severity.WARNING));
        root.put("message", result.message());
        ArrayNode diagnostics = root.putArray("diagnostics");
        result.diagnostics().forEach(d -> diagnosticJson(diagnostics.addObject(), d, here));
        return root;
    }

    private static void diagnosticJson(ObjectNode node, Diagnostic d, Path here) {
        node.put("severity", d.severity().word());
        node.put("tool", d.tool().name().toLowerCase(java.util.Locale.ROOT));
        node.put("file", d.path() == null ? d.file() : display(d.path(), here));
        node.put("path", d.path() == null ? null : d.path().toString());
        node.put("line", d.line());
        node.put("column", d.column());
        node.put("message", d.message());
        node.put("option", d.option());
        node.put("function", d.function());
        ArrayNode includes = node.putArray("included_from");
        d.includedFrom().forEach(includes::add);
        ArrayNode notes = node.putArray("notes");
        d.notes().forEach(note -> diagnosticJson(notes.addObject(), note, here));
    }
}
