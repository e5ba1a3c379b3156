package dev.porthole.app.workbench;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;
import org.testfx.util.WaitForAsyncUtils;

/** Reads what a panel shows a person: selects its tab, lets it lay out, and collects the text of its visible nodes. */
final class PanelText {
    private PanelText() {
    }

    static String of(TabPane tabs, String tabId) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Tab tab = tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no tab " + tabId + " in " + tabs.getTabs().stream().map(Tab::getId).toList()));
            tabs.getSelectionModel().select(tab);
            return null;
        }).get(10, TimeUnit.SECONDS);
        // Tables fill their cells on the next pulses, after data that arrived asynchronously.
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            Tab tab = tabs.getSelectionModel().getSelectedItem();
            StringBuilder text = new StringBuilder();
            collect(tab.getContent(), text);
            return text.toString();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void collect(Node node, StringBuilder text) {
        if (node == null || !node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            text.append(labeled.getText()).append('\n');
        } else if (node instanceof Text t && t.getText() != null) {
            text.append(t.getText()).append('\n');
        } else if (node instanceof TextInputControl input) {
            text.append(input.getText()).append('\n');
        } else if (node instanceof GenericStyledArea<?, ?, ?> area) {
            text.append(area.getText()).append('\n');
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, text);
            }
        }
    }
}
