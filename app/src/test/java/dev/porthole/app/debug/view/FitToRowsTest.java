package dev.porthole.app.debug.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.icons.FitToRows;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A debugger table is as tall as its rows: JavaFX fills the rest of a taller table with empty rows it makes and styles
 * like real ones (a two-frame Call Stack in a 500 px panel made 22 rows and 88 cells).
 */
@ExtendWith(ApplicationExtension.class)
class FitToRowsTest {
    private static final double PANEL_HEIGHT = 500;
    private TableView<String> table;
    private TreeItem<String> struct;
    private TreeTableView<String> tree;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList("kmain", "start64"));
        struct = new TreeItem<>("p");
        tree = new TreeTableView<>(new TreeItem<>("locals"));
        for (int i = 0; i < 4; i++) {
            TableColumn<String, String> column = new TableColumn<>("column " + i);
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            table.getColumns().add(column);
        }
        table.setFixedCellSize(22);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        FitToRows.install(table);

        struct.getChildren().addAll(new TreeItem<>("x"), new TreeItem<>("y"));
        tree.getRoot().getChildren().addAll(struct, new TreeItem<>("rounds"));
        tree.getRoot().setExpanded(true);
        tree.setShowRoot(false);
        TreeTableColumn<String, String> name = new TreeTableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        tree.getColumns().add(name);
        tree.setFixedCellSize(22);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        FitToRows.install(tree);

        HBox panels = new HBox(new StackPane(table), new StackPane(tree));
        stage.setScene(new Scene(panels, 800, PANEL_HEIGHT));
        stage.show();
    }

    private int rowsMade(FxRobot robot, String rowClass) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(table.getParent(), tree.getParent()).lookup(rowClass).queryAll().size();
    }

    @Test
    void aTableOfTwoRowsMakesTwoRowsAndGrowsAndShrinksWithItsItems(FxRobot robot) {
        assertEquals(2, rowsMade(robot, ".table-row-cell"), "two frames, two rows: none to fill the panel");
        assertTrue(table.getHeight() < 100, "as tall as its header and two rows: " + table.getHeight());

        robot.interact(() -> table.getItems().setAll(IntStream.range(0, 60).mapToObj(i -> "frame " + i).toList()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PANEL_HEIGHT, table.getHeight(), 0.5, "more rows than fit: the whole panel, and it scrolls");

        robot.interact(() -> table.getItems().clear());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PANEL_HEIGHT, table.getHeight(), 0.5, "empty: the whole panel, for its placeholder");
    }

    @Test
    void aTreeGrowsWhenAStructIsExpanded(FxRobot robot) {
        assertEquals(2, rowsMade(robot, ".tree-table-row-cell"));
        double folded = tree.getHeight();
        robot.interact(() -> struct.setExpanded(true));
        assertEquals(4, rowsMade(robot, ".tree-table-row-cell"), "p, its x and y, rounds");
        assertEquals(folded + 2 * 22, tree.getHeight(), 0.5);
    }
}
