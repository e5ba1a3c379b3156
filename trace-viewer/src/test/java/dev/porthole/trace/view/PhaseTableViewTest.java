package dev.porthole.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.porthole.trace.analysis.PhaseStats;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The phase table in a panel as narrow as the workbench gives it: the names give way, the figures stay whole. */
@ExtendWith(ApplicationExtension.class)
class PhaseTableViewTest {
    private PhaseTableView view;

    @Start
    void start(Stage stage) {
        view = new PhaseTableView();
        view.setPhases(List.of(
                new PhaseStats("qemu.startup", 1, 65_300_000, 65_300_000, 65_300_000, 65_300_000, 65_300_000),
                new PhaseStats("boot.a.rather.long.phase.name", 1_234, 999_000_000, 31_200_000, 724_000, 6_250_000, 418_000_000)));
        // The cells as the workbench styles them (workbench.css's 12 px mono, AtlantaFX's padding), at the width its
        // Trace panel had in the screenshots.
        Scene scene = new Scene(view, 495, 300);
        scene.getStylesheets().add(ViewFixtures.themeStylesheet(true));
        String mono = ".ph-table-mono .table-cell { -fx-font-family: monospace; -fx-font-size: 12px; -fx-padding: 0 0.5em 0 0.5em; }";
        scene.getStylesheets().add("data:text/css;base64,"
                + java.util.Base64.getEncoder().encodeToString(mono.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void inANarrowPanelEveryDurationIsShownWhole(FxRobot robot) {
        Set<String> cut = new TreeSet<>();
        for (Node node : robot.from(view.getTable()).lookup(".table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && cell.getText() != null && !cell.getTableColumn().getId().equals("phase-name")) {
                Text shown = robot.from(cell).lookup((Node n) -> n instanceof Text).query();
                if (!shown.getText().equals(cell.getText())) {
                    cut.add(cell.getText() + " shown as " + shown.getText());
                }
            }
        }
        assertEquals(Set.of(), cut, "figures cut short");
    }
}
