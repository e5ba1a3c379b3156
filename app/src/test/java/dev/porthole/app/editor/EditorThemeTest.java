package dev.porthole.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.porthole.app.task.CurrentThreadTaskRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stylesheet's contract with the app's themes: standalone the editor uses its own dark fallbacks; inside a scene
 * whose theme defines the colours on .root (the workbench adds editor.css after the theme), the theme's colours win.
 */
@ExtendWith(ApplicationExtension.class)
class EditorThemeTest {
    @TempDir
    Path workspace;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Color treeBackground(FxRobot robot, EditorView view) {
        WaitForAsyncUtils.waitForFxEvents();
        Region tree = robot.from(view).lookup("." + EditorStyle.TREE).queryAs(Region.class);
        return (Color) tree.getBackground().getFills().get(0).getFill();
    }

    private EditorView newView() {
        return new EditorView(new EditorViewModel(workspace, new CurrentThreadTaskRunner(), new BreakpointModel()));
    }

    @Test
    void standaloneTheEditorUsesItsDarkFallbacks(FxRobot robot) {
        EditorView view = newView();
        robot.interact(() -> {
            stage.setScene(new Scene(view, 600, 400));
            stage.show();
        });
        assertEquals(Color.web("#2b2d30"), treeBackground(robot, view));
    }

    @Test
    void inAThemedSceneTheThemesColoursWin(FxRobot robot) throws IOException {
        String fallbacks;
        try (InputStream css = Objects.requireNonNull(EditorView.class.getResourceAsStream("editor.css"))) {
            String text = new String(css.readAllBytes(), StandardCharsets.UTF_8);
            int block = text.indexOf(".root.ph-editor {");
            fallbacks = text.substring(block, text.indexOf('}', block) + 1);
        }
        // A theme like theme/dark.css: every colour on .root, one of them unmistakable.
        String theme = fallbacks.replace(".root.ph-editor", ".root").replaceFirst("-ph-bg-alt: #[0-9a-f]+;", "-ph-bg-alt: #ff0000;");
        Path themeCss = Files.writeString(workspace.resolve("theme.css"), theme);
        EditorView view = newView();
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(view), 600, 400);
            scene.getStylesheets().addAll(themeCss.toUri().toString(), EditorView.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        assertEquals(Color.web("#ff0000"), treeBackground(robot, view));
    }
}
