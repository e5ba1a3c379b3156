package dev.porthole.app.workbench;

import dev.porthole.icons.FrameGate;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.icons.UnfoldingPane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The window's frame: menu bar, toolbar, the three-way split (editor, debugger panels, bottom panels) and the
 * status bar. It knows nothing of guests or gdb: it binds to {@link WorkbenchViewModel} and hosts the panels it
 * is given.
 */
public final class WorkbenchView extends BorderPane {
    public static final String MAIN_SPLIT = "main";
    public static final String CENTER_SPLIT = "center";

    private final WorkbenchViewModel model;
    private final Map<WorkbenchAction, Button> toolbarButtons = new EnumMap<>(WorkbenchAction.class);
    /**
     * The toolbar's tooltips, made by {@link #installTooltips} after the first frame: each is a popup window with a
     * scene of its own, and the first one made loads the classes of all of them, none of which the first frame shows.
     */
    private final List<Runnable> tooltips = new ArrayList<>();
    private final TabPane debugTabs = panelTabs();
    private final TabPane bottomTabs = panelTabs();
    private final SplitPane centerSplit = new SplitPane();
    private final SplitPane mainSplit = new SplitPane();
    private final Menu recentMenu = new Menu("Open Recent");
    private final VBox top = new VBox();

    public WorkbenchView(WorkbenchViewModel model, Node editor, Node appSelector) {
        this.model = model;
        getStyleClass().add("ph-workbench");

        top.getChildren().addAll(menuBar(), toolBar(appSelector));
        setTop(top);

        centerSplit.getItems().addAll(editor, debugTabs);
        centerSplit.setDividerPositions(0.68);
        mainSplit.setOrientation(Orientation.VERTICAL);
        mainSplit.getItems().addAll(centerSplit, bottomTabs);
        mainSplit.setDividerPositions(0.64);
        setCenter(mainSplit);
        setBottom(statusBar());
    }

    /** Shows a message strip under the toolbar (a corrupt porthole.json, a missing tool); {@code null} hides it. */
    public void showBanner(Node banner) {
        if (top.getChildren().size() > 2) {
            top.getChildren().remove(2);
        }
        if (banner != null) {
            top.getChildren().add(banner);
        }
    }

    /**
     * Puts a panel's tab in place before the panel exists: the window's first frame shows every tab, and the
     * contents follow a moment later through {@link #fillPanel} (see {@code WorkbenchApplication}).
     */
    public Tab reserveDebugPanel(String title, Icon icon) {
        return tab(debugTabs, title, icon);
    }

    /** As {@link #reserveDebugPanel}, for the bottom area. */
    public Tab reserveBottomPanel(String title, Icon icon) {
        return tab(bottomTabs, title, icon);
    }

    public Tab addBottomPanel(String title, Icon icon, Node content) {
        Tab tab = tab(bottomTabs, title, icon);
        fill(tab, content);
        return tab;
    }

    /** Puts {@code content} into the reserved tab {@code tab} (it is in the scene while the tab is selected). */
    public void fillPanel(Tab tab, Node content) {
        fill(tab, content);
    }

    /** The panel a tab shows (given to {@link #fillPanel} or {@link #addBottomPanel}), in the scene or not. */
    public java.util.Optional<Node> panelOf(Tab tab) {
        return tab.getContent() instanceof UnfoldingPane holder ? java.util.Optional.ofNullable(holder.content())
                : java.util.Optional.ofNullable(tab.getContent());
    }

    /**
     * Shows a bottom panel in a frame of its own ({@link FrameGate}): a panel shown again is styled anew, all of it,
     * and the console's, shown as a run started, came in one pulse with its cleared lines, 80-120 ms (ScreenshotTour).
     * Changes the caller makes next to the panel's content wait for the frame after.
     */
    public void selectBottomPanel(Tab tab) {
        FrameGate.run(this, () -> bottomTabs.getSelectionModel().select(tab));
    }

    public void selectDebugPanel(Tab tab) {
        debugTabs.getSelectionModel().select(tab);
    }

    public TabPane bottomTabs() {
        return bottomTabs;
    }

    public TabPane debugTabs() {
        return debugTabs;
    }

    /** The split panes by name, for remembering their divider positions. */
    public Map<String, SplitPane> splitPanes() {
        return Map.of(MAIN_SPLIT, mainSplit, CENTER_SPLIT, centerSplit);
    }

    public Button toolbarButton(WorkbenchAction action) {
        return toolbarButtons.get(action);
    }

    public void setRecent(List<java.nio.file.Path> folders, Consumer<java.nio.file.Path> open) {
        recentMenu.getItems().clear();
        for (java.nio.file.Path folder : folders) {
            MenuItem item = new MenuItem(folder.toString());
            item.setOnAction(e -> open.accept(folder));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(folders.isEmpty());
    }

    private static TabPane panelTabs() {
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("ph-panel-tabs");
        return tabs;
    }

    /** A new tab at the end of {@code pane}. */
    private static Tab tab(TabPane pane, String title, Icon icon) {
        Tab tab = new Tab(title);
        tab.setGraphic(Icons.node(icon, 14));
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        pane.getTabs().add(tab);
        return tab;
    }

    /**
     * Gives a tab its content, which is in the scene only while the tab is selected. JavaFX styles and lays out every
     * node in a scene, shown or not, and a TabPane sizes every tab's content: a hidden panel would make the window's
     * first frame, each stop (its rows change), and each theme switch (all its nodes restyled) pay for what nobody
     * sees. The panel objects exist and receive their events while out of the scene; only their nodes wait. The tab
     * holds the panel in an {@link UnfoldingPane}, which unfolds it over a few frames the first time it is shown.
     */
    private static void fill(Tab tab, Node content) {
        UnfoldingPane holder = new UnfoldingPane().unfoldingGrowth();
        tab.setContent(holder);
        Runnable follow = () -> {
            if (tab.isSelected()) {
                holder.showUnfoldedFirstTime(content);
            } else {
                holder.hide();
            }
        };
        follow.run();
        tab.selectedProperty().addListener((obs, was, selected) -> follow.run());
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem exit = new MenuItem("Exit");
        exit.setOnAction(e -> model.requestExit());
        file.getItems().addAll(item(WorkbenchAction.OPEN_FOLDER), recentMenu, item(WorkbenchAction.SAVE), new SeparatorMenuItem(), exit);

        Menu run = new Menu("Run");
        run.getItems().addAll(item(WorkbenchAction.BUILD), new SeparatorMenuItem(), item(WorkbenchAction.RUN),
                debugOrContinueItem(), item(WorkbenchAction.PAUSE), new SeparatorMenuItem(),
                item(WorkbenchAction.STEP_OVER), item(WorkbenchAction.STEP_INTO), item(WorkbenchAction.STEP_OUT),
                item(WorkbenchAction.RUN_TO_LINE), new SeparatorMenuItem(),
                item(WorkbenchAction.RESTART), item(WorkbenchAction.STOP));

        Menu view = new Menu("View");
        view.getItems().add(item(WorkbenchAction.TOGGLE_THEME));

        MenuBar bar = new MenuBar(file, run, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** F5 is Debug when no session runs and Continue when stopped: one menu item whose label follows the state. */
    private MenuItem debugOrContinueItem() {
        MenuItem item = item(WorkbenchAction.DEBUG);
        item.textProperty().bind(Bindings.when(model.canContinue()).then(WorkbenchAction.CONTINUE.label()).otherwise(WorkbenchAction.DEBUG.label()));
        item.disableProperty().unbind();
        item.disableProperty().bind(Bindings.not(Bindings.or(model.enabled(WorkbenchAction.DEBUG), model.canContinue())));
        return item;
    }

    private MenuItem item(WorkbenchAction action) {
        MenuItem item = new MenuItem(action.label(), Icons.node(action.icon(), 14));
        item.setAccelerator(action.shortcut());
        item.setOnAction(e -> model.perform(action));
        item.disableProperty().bind(Bindings.not(model.enabled(action)));
        item.setId("menu-" + action.styleClass());
        return item;
    }

    /** Gives the toolbar's buttons their tooltips; once, after the window's first frame. */
    public void installTooltips() {
        tooltips.forEach(Runnable::run);
        tooltips.clear();
    }

    private ToolBar toolBar(Node appSelector) {
        List<Node> items = new ArrayList<>();
        Label workspace = new Label();
        workspace.textProperty().bind(model.workspaceName());
        workspace.getStyleClass().add("ph-workspace-label");
        items.add(workspace);
        items.add(new Separator(Orientation.VERTICAL));
        items.add(button(WorkbenchAction.BUILD));
        items.add(button(WorkbenchAction.RUN));
        items.add(debugOrContinueButton());
        items.add(button(WorkbenchAction.PAUSE));
        items.add(new Separator(Orientation.VERTICAL));
        items.add(button(WorkbenchAction.STEP_OVER));
        items.add(button(WorkbenchAction.STEP_INTO));
        items.add(button(WorkbenchAction.STEP_OUT));
        items.add(new Separator(Orientation.VERTICAL));
        items.add(button(WorkbenchAction.RESTART));
        items.add(button(WorkbenchAction.STOP));
        items.add(new Separator(Orientation.VERTICAL));
        items.add(appSelector);
        Region spring = new Region();
        javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
        items.add(spring);
        items.add(button(WorkbenchAction.TOGGLE_THEME));
        ToolBar bar = new ToolBar(items.toArray(Node[]::new));
        bar.getStyleClass().add("ph-toolbar");
        return bar;
    }

    private Button debugOrContinueButton() {
        Button button = button(WorkbenchAction.DEBUG);
        button.graphicProperty().bind(Bindings.when(model.canContinue())
                .then((Node) Icons.node(Icon.CONTINUE)).otherwise((Node) Icons.node(Icon.DEBUG)));
        button.getStyleClass().add(WorkbenchAction.CONTINUE.styleClass());
        tooltips.add(() -> button.tooltipProperty().bind(Bindings.when(model.canContinue())
                .then(new Tooltip(WorkbenchAction.CONTINUE.tooltip())).otherwise(new Tooltip(WorkbenchAction.DEBUG.tooltip()))));
        button.disableProperty().unbind();
        ObservableBooleanValue enabled = Bindings.or(model.enabled(WorkbenchAction.DEBUG), model.canContinue());
        button.disableProperty().bind(Bindings.not(enabled));
        button.setOnAction(e -> model.perform(WorkbenchAction.DEBUG));
        return button;
    }

    private Button button(WorkbenchAction action) {
        Button button = new Button(null, Icons.node(action.icon()));
        if (action != WorkbenchAction.DEBUG) {
            tooltips.add(() -> button.setTooltip(new Tooltip(action.tooltip())));
        }
        button.getStyleClass().add(action.styleClass());
        button.setId("toolbar-" + action.styleClass());
        button.setFocusTraversable(false);
        button.setOnAction(e -> model.perform(action));
        button.disableProperty().bind(Bindings.not(model.enabled(action)));
        toolbarButtons.put(action, button);
        return button;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.textProperty().bind(model.statusText());
        Label state = statusItem(model.guestStateText());
        state.setId("status-guest-state");
        model.guestStateStyle().addListener((obs, old, now) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("ph-state-"));
            state.getStyleClass().add(now);
        });
        Label machine = statusItem(model.machineText());
        machine.setId("status-machine");
        Label accel = statusItem(model.accelText());
        accel.setId("status-accel");
        Label boot = statusItem(model.lastBootText());
        boot.setId("status-last-boot");
        bar.getRightItems().addAll(state, new Separator(Orientation.VERTICAL), machine, new Separator(Orientation.VERTICAL),
                accel, new Separator(Orientation.VERTICAL), boot);
        bar.progressProperty().bind(model.progress());
        return bar;
    }

    private static Label statusItem(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("ph-status-item");
        return label;
    }
}
