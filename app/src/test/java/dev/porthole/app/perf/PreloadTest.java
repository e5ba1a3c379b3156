package dev.porthole.app.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The preload runs off the FX thread, as the window starts it, to the end: a library update that breaks it shows here. */
@ExtendWith(ApplicationExtension.class)
class PreloadTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void itRunsToTheEndOnAThreadOfItsOwn() throws Exception {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Preload.preload();
                done.complete(!Platform.isFxApplicationThread());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "preload-test");
        thread.start();
        assertTrue(done.get(60, TimeUnit.SECONDS));
    }
}
