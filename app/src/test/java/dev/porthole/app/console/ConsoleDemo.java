package dev.porthole.app.console;

import atlantafx.base.theme.PrimerDark;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Shows the console in a window with real output loaded: the Porthole kernel's fault run, then
 * the Unikraft helloworld boot, with host timestamps spread like a real boot, and a search.
 *
 * <pre>
 * java -cp ... dev.porthole.app.console.ConsoleDemo [--snapshot out.png]
 * </pre>
 * With {@code --snapshot} it writes a PNG of the window and exits (for screenshots under xvfb-run).
 * A plain main with {@link Platform#startup}: an {@code Application} subclass cannot be the main
 * class on the class path.
 */
public final class ConsoleDemo {
    private ConsoleDemo() {
    }

    public static void main(String[] args) {
        String snapshot = args.length == 2 && args[0].equals("--snapshot") ? args[1] : null;
        Platform.startup(() -> show(snapshot));
    }

    private static void show(String snapshotPath) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ConsoleViewModel console = new ConsoleViewModel();
        ConsoleView view = new ConsoleView(console);
        Stage stage = new Stage();
        stage.setTitle("Porthole console demo");
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();

        long start = System.nanoTime();
        console.setRunStart(start);
        long t = start + 43_000_000L;
        for (String line : ConsoleFixtures.kernelFaultLines()) {
            console.append(t, line);
            t += 150_000;
        }
        console.append(t, "\u001b[1;32mporthole:\u001b[0m run 1 exited with status \u001b[1;31m3\u001b[0m (panic); booting Unikraft helloworld");
        console.append(t, "\u001b[38;5;208mwarning:\u001b[0m \u001b[4mKVM\u001b[24m is nested here, using \u001b[7mTCG\u001b[27m");
        t += 80_000_000L;
        List<String> unikraft = ConsoleFixtures.unikraftLines();
        for (String line : unikraft) {
            console.append(t, line);
            t += line.contains("Calibrating") ? 100_000_000L : 450_000L;
        }
        console.searchTextProperty().set("libukboot");
        console.flush().thenRun(() -> {
            if (snapshotPath != null) {
                // Two pulses for CSS and layout to settle, then write the window.
                Platform.runLater(() -> Platform.runLater(() -> writeSnapshot(stage, snapshotPath)));
            }
        });
    }

    /** Without javafx-swing's SwingFXUtils: the app does not depend on it. */
    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        return buffered;
    }

    private static void writeSnapshot(Stage stage, String path) {
        try {
            ImageIO.write(toBufferedImage(stage.getScene().snapshot(null)), "png", new File(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the snapshot to " + path, e);
        }
        System.out.println("snapshot: " + path);
        Platform.exit();
        System.exit(0);
    }
}
