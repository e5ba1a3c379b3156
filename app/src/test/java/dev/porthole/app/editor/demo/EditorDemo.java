package dev.porthole.app.editor.demo;

import dev.porthole.app.editor.BreakpointModel;
import dev.porthole.app.editor.EditorView;
import dev.porthole.app.editor.EditorViewModel;
import dev.porthole.app.editor.ExecutionPoint;
import dev.porthole.app.task.FxTaskRunner;
import dev.porthole.app.editor.SourceBreakpoint;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Shows the editor on the kernel with a few breakpoints and the guest stopped in kmain, for a look or a screenshot.
 * {@code java ... EditorDemo [workspace] [file] [line] [--snapshot out.png]}; with --snapshot it writes the window
 * to a PNG and exits.
 */
public final class EditorDemo {
    public static void main(String[] args) {
        Application.launch(DemoApp.class, args);
    }

    /** Copies a snapshot pixel by pixel, so the demo needs no javafx-swing. */
    static BufferedImage toBufferedImage(Image snapshot) {
        int width = (int) snapshot.getWidth();
        int height = (int) snapshot.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = snapshot.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return image;
    }

    public static final class DemoApp extends Application {
        @Override
        public void start(Stage stage) {
            var args = getParameters().getRaw();
            Path workspace = Path.of(args.size() > 0 ? args.get(0) : "/work/main/kernel");
            Path file = workspace.resolve(args.size() > 1 ? args.get(1) : "entry.S");
            int line = args.size() > 2 ? Integer.parseInt(args.get(2)) : 40;
            String snapshot = args.contains("--snapshot") ? args.get(args.indexOf("--snapshot") + 1) : null;
            String hover = args.contains("--hover") ? args.get(args.indexOf("--hover") + 1) : null;

            BreakpointModel breakpoints = new BreakpointModel();
            EditorViewModel viewModel = new EditorViewModel(workspace, new FxTaskRunner(), breakpoints);
            viewModel.setHoverValueProvider(expr -> CompletableFuture.completedFuture(Optional.of(
                    expr.contains("mbinfo") ? "65536" : expr.equals("$eax") ? "0x2badb002" : "0")));
            EditorView view = new EditorView(viewModel);
            viewModel.open(workspace.resolve("main.c"));
            breakpoints.add(SourceBreakpoint.software(file, line - 3));
            breakpoints.add(SourceBreakpoint.hardware(file, line + 4));
            breakpoints.add(new SourceBreakpoint(file, line + 7, false, false));
            viewModel.setExecutionPoint(new ExecutionPoint(file, line));

            stage.setScene(new Scene(view, 1400, 900));
            stage.setTitle("Porthole editor demo");
            stage.show();
            if (hover != null) {
                // What the mouse resting on a word does, without a mouse: the popup shows the provider's value.
                PauseTransition settle = new PauseTransition(Duration.seconds(2));
                settle.setOnFinished(e -> view.codeArea(file).ifPresent(area -> {
                    int column = area.getParagraph(line - 1).getText().indexOf(hover) + (hover.startsWith("%") ? 1 : 0);
                    int offset = area.getAbsolutePosition(line - 1, column);
                    area.getCharacterBoundsOnScreen(offset, offset + 1).ifPresent(b -> area.fireEvent(
                            org.fxmisc.richtext.event.MouseOverTextEvent.beginAt(
                                    new javafx.geometry.Point2D(b.getMinX(), b.getMaxY()), offset)));
                }));
                settle.play();
            }
            if (snapshot != null) {
                PauseTransition settle = new PauseTransition(Duration.seconds(3));
                settle.setOnFinished(e -> {
                    try {
                        BufferedImage image = toBufferedImage(stage.getScene().snapshot(null));
                        ImageIO.write(image, "png", new File(snapshot));
                        System.out.println("wrote " + snapshot);
                    } catch (Exception failure) {
                        failure.printStackTrace();
                    }
                    Platform.exit();
                    System.exit(0);
                });
                settle.play();
            }
        }
    }
}
