package dev.porthole.app.bench;

import dev.porthole.app.perf.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline for the startup benchmark: the smallest JavaFX window, timed to its first frame the same way. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("bare")), 1500, 950);
        FirstFrame.watch(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Not the Application class itself as main: JavaFX on the classpath needs a plain launcher. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
