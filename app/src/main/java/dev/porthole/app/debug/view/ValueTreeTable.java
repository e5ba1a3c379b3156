package dev.porthole.app.debug.view;

import dev.porthole.icons.FitToRows;
import dev.porthole.icons.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

import java.util.List;

/**
 * A Name / Value / Type tree over {@link ValueNode}s, shared by the Variables and Watch panels. The tree items
 * mirror the view model's nodes: expanding an item expands its node (which makes the view model load the members),
 * and changed values carry {@link DebugStyles#CHANGED_VALUE}.
 */
final class ValueTreeTable {
    /** What a value cell shows: the text and whether it changed. */
    record Shown(String value, boolean changed) {
    }

    private ValueTreeTable() {
    }

    static TreeTableView<ValueNode> create(ObservableList<ValueNode> roots, String placeholder) {
        TreeItem<ValueNode> root = new TreeItem<>();
        root.setExpanded(true);
        mirror(roots, root);
        TreeTableView<ValueNode> tree = new TreeTableView<>(root);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label(placeholder));
        FitToRows.install(tree);

        TreeTableColumn<ValueNode, String> name = new TreeTableColumn<>("Name");
        name.setCellValueFactory(cd -> Bindings.createStringBinding(() -> cd.getValue().getValue() == null ? ""
                : cd.getValue().getValue().name()));
        name.setPrefWidth(140);

        TreeTableColumn<ValueNode, Shown> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(cd -> {
            ValueNode node = cd.getValue().getValue();
            if (node == null) {
                return new javafx.beans.property.SimpleObjectProperty<>(null);
            }
            return Bindings.createObjectBinding(() -> new Shown(node.value(), node.isChanged()),
                    node.valueProperty(), node.changedProperty());
        });
        value.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Shown shown, boolean empty) {
                super.updateItem(shown, empty);
                StyleClasses.toggle(this, DebugStyles.CHANGED_VALUE, !empty && shown != null && shown.changed());
                setText(empty || shown == null ? null : shown.value());
            }
        });
        value.getStyleClass().add(DebugStyles.MONO);
        value.setPrefWidth(200);

        TreeTableColumn<ValueNode, String> type = new TreeTableColumn<>("Type");
        type.setCellValueFactory(cd -> cd.getValue().getValue() == null
                ? new javafx.beans.property.SimpleStringProperty("") : cd.getValue().getValue().typeProperty());
        type.getStyleClass().add(DebugStyles.MUTED);
        type.setPrefWidth(110);

        tree.getColumns().setAll(List.of(name, value, type));
        tree.getColumns().forEach(c -> c.setSortable(false));
        return tree;
    }

    /** Keeps {@code parent}'s children in step with {@code nodes}. */
    private static void mirror(ObservableList<ValueNode> nodes, TreeItem<ValueNode> parent) {
        parent.getChildren().setAll(nodes.stream().map(NodeItem::new).toList());
        nodes.addListener((ListChangeListener<ValueNode>) change -> {
            // keep the items of nodes that stay, so their listeners are not doubled
            java.util.Map<ValueNode, TreeItem<ValueNode>> existing = new java.util.IdentityHashMap<>();
            for (TreeItem<ValueNode> item : parent.getChildren()) {
                if (item.getValue() != null) {
                    existing.put(item.getValue(), item);
                }
            }
            parent.getChildren().setAll(nodes.stream()
                    .map(n -> existing.containsKey(n) ? existing.get(n) : (TreeItem<ValueNode>) new NodeItem(n))
                    .toList());
        });
    }

    /** A tree item for one node; a leaf unless gdb says the node has members. */
    private static final class NodeItem extends TreeItem<ValueNode> {
        NodeItem(ValueNode node) {
            super(node);
            mirror(node.children(), this);
            setExpanded(node.expandedProperty().get());
            expandedProperty().addListener((obs, was, isNow) -> node.expandedProperty().set(isNow));
            node.expandedProperty().addListener((obs, was, isNow) -> setExpanded(isNow));
            // the disclosure arrow appears only when the item is re-rendered: a watch learns it is a struct late
            node.expandableProperty().addListener((obs, was, isNow) -> {
                setValue(null);
                setValue(node);
            });
        }

        @Override
        public boolean isLeaf() {
            ValueNode node = getValue();
            return node == null || !node.isExpandable();
        }
    }
}
