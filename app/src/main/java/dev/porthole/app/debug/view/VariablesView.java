package dev.porthole.app.debug.view;

import javafx.scene.control.TreeTableView;

/** The Variables panel: arguments and locals of the selected frame; structs and pointers expand. */
public final class VariablesView extends PanelView<VariablesViewModel> {
    public static final String TREE_ID = "variables-tree";

    private final TreeTableView<ValueNode> tree;

    public VariablesView(VariablesViewModel model) {
        super(model, DebugStyles.VARIABLES);
        HeldRows<ValueNode> roots = new HeldRows<>(model.roots(), model);
        tree = ValueTreeTable.create(roots.rows(), "Not stopped, or no locals in this frame.");
        tree.setId(TREE_ID);
        setCenter(roots.covering(tree));
    }

    public TreeTableView<ValueNode> tree() {
        return tree;
    }
}
