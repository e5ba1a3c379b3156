package dev.porthole.app.debug.view;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/** Where view models deliver results: the FX thread in the app, the calling thread in view-model tests. */
final class FxThread {
    /** Runs on the FX thread: at once if already there, else later. */
    static final Executor EXECUTOR = task -> {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    };

    private FxThread() {
    }
}
