package dev.porthole.app.debug.view;

import javafx.scene.control.TreeTableView;

/** The Variables panel: arguments and locals of the selected frame; structs and pointers expand. */
public final class VariablesView extends PanelView<VariablesViewModel> {
    public static final String TREE_ID = "variables-tree";

    private final TreeTableView<ValueNode> tree;

    public VariablesView(VariablesViewModel model) {
        super(model, DebugStyles.VARIABLES);
        tree = ValueTreeTable.create(model.roots(), "Not stopped, or no locals in this frame.");
        tree.setId(TREE_ID);
        setCenter(tree);
    }

    public TreeTableView<ValueNode> tree() {
        return tree;
    }
}
