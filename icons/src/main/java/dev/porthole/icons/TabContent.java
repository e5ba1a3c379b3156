package dev.porthole.icons;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is in the scene only while the tab is selected. A TabPane keeps every tab's content in the
 * scene, hidden, and JavaFX makes the skins of and styles every node there: the Layout panel's first showing made
 * and styled its three hidden tables (the diff's two and the runtime map) with the symbol table it shows.
 */
public final class TabContent {
    private TabContent() {
    }

    /** Sets {@code content} as the tab's content while the tab is selected, and none while it is not. */
    public static void whileSelected(Tab tab, Node content) {
        tab.setContent(tab.isSelected() ? content : null);
        tab.selectedProperty().addListener((obs, was, selected) -> tab.setContent(selected ? content : null));
    }
}
