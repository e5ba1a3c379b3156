package dev.porthole.app.session;

import dev.porthole.app.task.TaskRunner;
import dev.porthole.app.workspace.Workspace;
import dev.porthole.build.diag.Severity;
import dev.porthole.build.run.BuildConfig;
import dev.porthole.build.run.BuildResult;
import dev.porthole.build.view.BuildLogViewModel;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ChangeListener;

/**
 * Builds through the Build panel's view model, so every build (a Build click, or Debug finding the image stale)
 * streams into the coloured live log and its diagnostics into Problems, while the workflow waits for the result.
 */
public final class BuildLogImageBuilder implements ImageBuilder {
    private final BuildLogViewModel log;
    private final TaskRunner tasks;

    public BuildLogImageBuilder(BuildLogViewModel log, TaskRunner tasks) {
        this.log = log;
        this.tasks = tasks;
    }

    @Override
    public BuildOutcome build(Workspace workspace) throws Exception {
        BuildConfig config = new BuildConfig(workspace.root(), workspace.buildCommand().orElseThrow(), workspace.image().orElse(null),
                workspace.debugImage().orElse(null), workspace.root().resolve("porthole.json").toString());
        CompletableFuture<BuildResult> done = new CompletableFuture<>();
        tasks.onUi(() -> {
            ChangeListener<BuildResult> listener = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends BuildResult> obs, BuildResult old, BuildResult now) {
                    if (now != null) {
                        log.resultProperty().removeListener(this);
                        done.complete(now);
                    }
                }
            };
            log.resultProperty().addListener(listener);
            log.start(config);
        });
        return outcome(done.get());
    }

    static BuildOutcome outcome(BuildResult result) {
        long errors = result.count(Severity.ERROR);
        String seconds = String.format("%.1f s", result.elapsed().toMillis() / 1000.0);
        String summary = switch (result.status()) {
            case SUCCEEDED -> "build succeeded in " + seconds;
            case FAILED -> "build failed (exit " + result.exitCode() + ") in " + seconds + ": " + errors + " errors, "
                    + result.count(Severity.WARNING) + " warnings";
            case CANCELLED -> "build cancelled";
        };
        return new BuildOutcome(result.succeeded(), false, result.elapsed(), errors, summary);
    }

    @Override
    public void cancel() {
        tasks.onUi(log::cancel);
    }
}
