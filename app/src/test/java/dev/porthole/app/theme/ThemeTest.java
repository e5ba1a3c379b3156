package dev.porthole.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.porthole.icons.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The themes as the workbench switches them (one merged stylesheet, the light look under {@code .root:light}) must
 * look exactly like AtlantaFX's Primer Dark or Light with Porthole's dark or light palette, the stylesheets they are
 * made from: every node of a window with the common controls, in their plain, hovered, focused and selected states,
 * is compared by its backgrounds, borders, effect and text colour.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private static final String STRUCTURE = Objects.requireNonNull(Theme.class.getResource("workbench.css")).toExternalForm();

    @Start
    void start(Stage primary) {
        // Each sample gets a window of its own (see looksOf): the primary stage, which later tests reuse, keeps its size.
    }

    /** A window's worth of controls; popups' own style classes too, placed in the tree so their rules match. */
    private static Parent sample() {
        Button plain = new Button("Build");
        Button hovered = new Button("Run");
        hovered.pseudoClassStateChanged(PseudoClass.getPseudoClass("hover"), true);
        Button success = new Button("OK");
        success.getStyleClass().add("success");
        success.pseudoClassStateChanged(PseudoClass.getPseudoClass("focused"), true);
        Button accent = new Button("Debug");
        accent.getStyleClass().add("accent");
        accent.pseudoClassStateChanged(PseudoClass.getPseudoClass("hover"), true);
        ToggleButton toggle = new ToggleButton("Follow");
        toggle.setSelected(true);
        MenuButton menu = new MenuButton("More", null, new MenuItem("Item"));
        menu.pseudoClassStateChanged(PseudoClass.getPseudoClass("hover"), true);
        ToolBar toolBar = new ToolBar(new Button("Step"), new MenuButton("Run"));
        toolBar.getItems().get(0).pseudoClassStateChanged(PseudoClass.getPseudoClass("hover"), true);

        ListView<String> list = new ListView<>(FXCollections.observableArrayList("kmain", "trap", "kinit"));
        list.getSelectionModel().select(1);
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("rip", "rsp"));
        TableColumn<String, String> column = new TableColumn<>("Register");
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue()));
        table.getColumns().add(column);
        table.getSelectionModel().select(0);
        table.setPrefHeight(120);

        Label muted = new Label("muted");
        muted.getStyleClass().add("ph-muted");
        Region tooltip = new Region();
        tooltip.getStyleClass().add("tooltip");
        Region contextMenu = new Region();
        contextMenu.getStyleClass().add("context-menu");
        Region modal = new Region();
        modal.getStyleClass().add("modal-pane");
        Slider slider = new Slider();
        TabPane tabs = new TabPane(new Tab("Console", new Label("hello")), new Tab("Trace"));
        return new VBox(plain, hovered, success, accent, toggle, menu, toolBar, list, table, muted, new CheckBox("Hex"),
                new TextField("0x100000"), new ComboBox<>(FXCollections.observableArrayList("app=hello")), slider,
                tooltip, contextMenu, modal, tabs);
    }

    /** One node's look: what two scenes must agree on (backgrounds and borders compare by value). */
    private record Look(String path, Object background, Object border, Object fill, Object stroke, String effect, double opacity) {
    }

    /** Every node's look, in tree order. */
    private static List<Look> looks(Node node) {
        List<Look> out = new ArrayList<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(Node node, String path, List<Look> out) {
        String here = path + "/" + node.getTypeSelector() + node.getStyleClass();
        Region region = node instanceof Region r ? r : null;
        Shape shape = node instanceof Shape s ? s : null;
        out.add(new Look(here, region == null ? null : region.getBackground(), region == null ? null : region.getBorder(),
                shape == null ? null : shape.getFill(), shape == null ? null : shape.getStroke(), describe(node.getEffect()),
                node.getOpacity()));
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, here, out);
            }
        }
    }

    /** Fails at the first node whose look differs, naming it. */
    private static void assertSameLooks(List<Look> expected, List<Look> actual) {
        assertEquals(expected.size(), actual.size(), "the same tree of nodes");
        for (int i = 0; i < expected.size(); i++) {
            Look e = expected.get(i);
            Look a = actual.get(i);
            assertEquals(e.path(), a.path(), "node " + i);
            assertEquals(e.background(), a.background(), () -> "background of " + e.path() + ": " + paints(e.background()) + " expected, was " + paints(a.background()));
            assertEquals(e.border(), a.border(), "border of " + e.path());
            assertEquals(e.fill(), a.fill(), "fill of " + e.path());
            assertEquals(e.stroke(), a.stroke(), "stroke of " + e.path());
            assertEquals(e.effect(), a.effect(), "effect of " + e.path());
            assertEquals(e.opacity(), a.opacity(), "opacity of " + e.path());
        }
    }

    private static String paints(Object background) {
        return background instanceof javafx.scene.layout.Background b
                ? b.getFills().stream().map(f -> String.valueOf(f.getFill())).toList().toString() : String.valueOf(background);
    }

    private static String describe(javafx.scene.effect.Effect effect) {
        if (effect instanceof javafx.scene.effect.DropShadow shadow) {
            return "dropshadow(" + shadow.getColor() + ", " + shadow.getRadius() + ", " + shadow.getSpread() + ")";
        }
        return String.valueOf(effect);
    }

    /** Shows a sample in a window of its own set up by {@code setUp}, lets it style and lay out, and returns its looks. */
    private List<Look> looksOf(FxRobot robot, Supplier<Scene> setUp, java.util.function.Consumer<Scene> then) throws Exception {
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(setUp.get());
            s.show();
            return s;
        }).get();
        try {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> then.accept(window.getScene()));
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
                return looks(window.getScene().getRoot());
            }).get();
        } finally {
            robot.interact(window::close);
        }
    }

    /** The reference: the original Primer variant as the scene's user-agent stylesheet, with the original palette. */
    private static Scene original(boolean dark) {
        Scene scene = new Scene(sample(), 600, 900);
        scene.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().addAll(Icons.paletteStylesheet(dark), STRUCTURE);
        return scene;
    }

    private static Scene themed(Theme theme) {
        Scene scene = new Scene(sample(), 600, 900);
        theme.apply(scene);
        return scene;
    }

    @Test
    void theDarkThemeLooksLikePrimerDarkWithTheDarkPalette(FxRobot robot) throws Exception {
        List<Look> expected = looksOf(robot, () -> original(true), s -> { });
        List<Look> actual = looksOf(robot, () -> themed(Theme.DARK), s -> { });
        assertTrue(expected.size() > 100, "the sample has many nodes: " + expected.size());
        assertSameLooks(expected, actual);
    }

    @Test
    void switchingToLightLooksLikePrimerLightWithTheLightPalette(FxRobot robot) throws Exception {
        List<Look> expected = looksOf(robot, () -> original(false), s -> { });
        List<Look> actual = looksOf(robot, () -> themed(Theme.DARK), Theme.LIGHT::apply);
        assertSameLooks(expected, actual);
    }

    @Test
    void switchingBackToDarkLooksLikeDarkAgain(FxRobot robot) throws Exception {
        List<Look> expected = looksOf(robot, () -> original(true), s -> { });
        List<Look> actual = looksOf(robot, () -> themed(Theme.LIGHT), Theme.DARK::apply);
        assertSameLooks(expected, actual);
    }
}
