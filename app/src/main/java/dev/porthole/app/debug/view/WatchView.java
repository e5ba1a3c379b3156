package dev.porthole.app.debug.view;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The Watch panel: expressions the user typed, re-evaluated at every stop, changed ones marked. */
public final class WatchView extends PanelView<WatchViewModel> {
    public static final String TREE_ID = "watch-tree";
    public static final String EXPRESSION_FIELD_ID = "watch-expression";
    public static final String ADD_BUTTON_ID = "watch-add";
    public static final String REMOVE_BUTTON_ID = "watch-remove";

    private final TreeTableView<ValueNode> tree;

    public WatchView(WatchViewModel model) {
        super(model, DebugStyles.WATCH);
        tree = ValueTreeTable.create(model.roots(), "Add an expression to watch, e.g. compute_result.");
        tree.setId(TREE_ID);

        TextField expression = new TextField();
        expression.setId(EXPRESSION_FIELD_ID);
        expression.setPromptText("expression");
        HBox.setHgrow(expression, Priority.ALWAYS);
        Button add = new Button(null, Icons.node(Icon.ADD));
        add.setId(ADD_BUTTON_ID);
        add.setTooltip(new Tooltip("Watch the expression"));
        Runnable adding = () -> {
            if (!expression.getText().isBlank()) {
                model.add(expression.getText());
                expression.clear();
            }
        };
        add.setOnAction(e -> adding.run());
        expression.setOnAction(e -> adding.run());

        Button remove = new Button(null, Icons.node(Icon.REMOVE));
        remove.setId(REMOVE_BUTTON_ID);
        remove.setTooltip(new Tooltip("Stop watching the selected expression (Delete)"));
        remove.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
            }
        });

        setTop(toolbar(expression, add, remove));
        setCenter(tree);
    }

    private void removeSelected() {
        TreeItem<ValueNode> item = tree.getSelectionModel().getSelectedItem();
        // only whole expressions can go; for a member, remove the expression it belongs to
        while (item != null && item.getParent() != tree.getRoot()) {
            item = item.getParent();
        }
        if (item != null && item.getValue() != null) {
            model.remove(item.getValue());
        }
    }

    public TreeTableView<ValueNode> tree() {
        return tree;
    }
}
