package dev.porthole.app.debug.view;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** All panels in an IDE-like arrangement, for the UI test and the screenshot demo (the app has its own layout). */
final class DebugPanelsLayout {
    private DebugPanelsLayout() {
    }

    static SplitPane of(DebugPanels panels) {
        SplitPane left = vertical(
                tabs(tab("Call Stack", Icon.CALL_STACK, panels.callStack())),
                tabs(tab("Breakpoints", Icon.BREAKPOINT, panels.breakpoints())),
                tabs(tab("Variables", Icon.VARIABLES, panels.variables())),
                tabs(tab("Watch", Icon.WATCH, panels.watch())));
        left.setDividerPositions(0.2, 0.44, 0.72);
        SplitPane middle = vertical(
                tabs(tab("Disassembly", Icon.DISASSEMBLY, panels.disassembly())),
                tabs(tab("Memory", Icon.MEMORY, panels.memory())),
                tabs(tab("QEMU Monitor", Icon.MONITOR, panels.monitor())));
        middle.setDividerPositions(0.4, 0.72);
        TabPane right = tabs(tab("Registers", Icon.REGISTERS, panels.registers()));
        SplitPane root = new SplitPane(left, middle, right);
        root.setDividerPositions(0.30, 0.735);
        return root;
    }

    private static SplitPane vertical(javafx.scene.Node... panes) {
        SplitPane split = new SplitPane(panes);
        split.setOrientation(Orientation.VERTICAL);
        return split;
    }

    /** Every panel in its own tab, as big as the (small, headless) screen allows; a test clicks the tab it needs. */
    static TabPane forTest(DebugPanels panels) {
        return tabs(tab("Call Stack", Icon.CALL_STACK, panels.callStack()),
                tab("Breakpoints", Icon.BREAKPOINT, panels.breakpoints()),
                tab("Variables", Icon.VARIABLES, panels.variables()),
                tab("Watch", Icon.WATCH, panels.watch()),
                tab("Registers", Icon.REGISTERS, panels.registers()),
                tab("Memory", Icon.MEMORY, panels.memory()),
                tab("Disassembly", Icon.DISASSEMBLY, panels.disassembly()),
                tab("QEMU Monitor", Icon.MONITOR, panels.monitor()));
    }

    private static TabPane tabs(Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    private static Tab tab(String title, Icon icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Icons.node(icon, 14));
        return tab;
    }
}
