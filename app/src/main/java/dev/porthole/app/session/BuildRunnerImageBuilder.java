package dev.porthole.app.session;

import dev.porthole.app.workspace.Workspace;
import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.run.BuildConfig;
import dev.porthole.build.run.BuildListener;
import dev.porthole.build.run.BuildResult;
import dev.porthole.build.run.BuildRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Builds with build-view's {@link BuildRunner}: streamed output, parsed diagnostics, cancel kills the process tree. */
public final class BuildRunnerImageBuilder implements ImageBuilder {
    private volatile BuildRunner.Running running;

    @Override
    public BuildOutcome build(Workspace workspace, Consumer<String> output) throws InterruptedException {
        String command = workspace.buildCommand().orElseThrow();
        BuildConfig config = new BuildConfig(workspace.root(), command, workspace.image().orElse(null),
                workspace.debugImage().orElse(null), workspace.root().resolve("porthole.json").toString());
        BuildRunner.Running build = new BuildRunner(config).start(new BuildListener() {
            @Override
            public void line(String text, Duration elapsed) {
                output.accept(text);
            }
        });
        running = build;
        BuildResult result;
        try {
            result = build.await();
        } finally {
            running = null;
        }
        return outcome(result, workspace.root());
    }

    static BuildOutcome outcome(BuildResult result, Path root) {
        List<BuildOutcome.Problem> problems = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            Path file = d.path() != null ? d.path() : d.file() != null ? root.resolve(d.file()) : root;
            problems.add(new BuildOutcome.Problem(file, d.line(), d.column(), d.severity().name().toLowerCase(Locale.ROOT),
                    d.message() + (d.option() != null && !d.option().isEmpty() ? " [" + d.option() + "]" : "")));
        }
        String summary = switch (result.status()) {
            case SUCCEEDED -> String.format("build succeeded in %.1f s", result.elapsed().toMillis() / 1000.0);
            case FAILED -> String.format("build failed (exit %d) in %.1f s: %d errors, %d warnings", result.exitCode(),
                    result.elapsed().toMillis() / 1000.0, result.count(dev.porthole.build.diag.Severity.ERROR),
                    result.count(dev.porthole.build.diag.Severity.WARNING));
            case CANCELLED -> "build cancelled";
        };
        return new BuildOutcome(result.succeeded(), false, result.elapsed(), problems, summary);
    }

    @Override
    public void cancel() {
        BuildRunner.Running build = running;
        if (build != null) {
            build.cancel();
        }
    }
}
