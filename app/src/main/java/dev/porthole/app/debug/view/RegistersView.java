package dev.porthole.app.debug.view;

import dev.porthole.app.debug.RegisterBits;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Registers panel: general, segment and system registers; RFLAGS, CR0, CR3, CR4 and EFER expand into their
 * bits with the bits' names and meanings; values that changed since the last stop are marked.
 */
public final class RegistersView extends PanelView<RegistersViewModel> {
    public static final String TREE_ID = "registers-tree";

    /** A line of the tree: a register, or one field of a decoded register. */
    public sealed interface Line permits RegisterLine, BitLine {
    }

    public record RegisterLine(RegistersViewModel.Row row) implements Line {
    }

    public record BitLine(RegisterBits.Decoded bit) implements Line {
        String name() {
            RegisterBits.Field f = bit.field();
            return f.width() == 1 ? f.name() + " [" + f.lowBit() + "]"
                    : f.name() + " [" + (f.lowBit() + f.width() - 1) + ":" + f.lowBit() + "]";
        }
    }

    private final TreeTableView<Line> tree;
    private final Set<String> expanded = new HashSet<>();

    public RegistersView(RegistersViewModel model) {
        super(model, DebugStyles.REGISTERS);
        TreeItem<Line> root = new TreeItem<>();
        root.setExpanded(true);
        tree = new TreeTableView<>(root);
        tree.setId(TREE_ID);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("Not stopped."));

        TreeTableColumn<Line, String> name = new TreeTableColumn<>("Register");
        name.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(nameOf(cd.getValue().getValue())));
        name.setPrefWidth(112);
        name.setMinWidth(100);

        TreeTableColumn<Line, Line> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue()));
        value.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll(DebugStyles.CHANGED_VALUE, DebugStyles.REGISTER_BIT_SET, DebugStyles.REGISTER_BIT_CLEAR);
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                if (line instanceof RegisterLine r) {
                    setText(RegistersViewModel.formatted(r.row()));
                    if (r.row().changed()) {
                        getStyleClass().add(DebugStyles.CHANGED_VALUE);
                    }
                } else if (line instanceof BitLine b) {
                    setText(Long.toString(b.bit().value()));
                    getStyleClass().add(b.bit().set() ? DebugStyles.REGISTER_BIT_SET : DebugStyles.REGISTER_BIT_CLEAR);
                }
            }
        });
        value.getStyleClass().add(DebugStyles.MONO);
        // 18 monospace characters: 0x and 16 hex digits, never cut
        value.setPrefWidth(160);
        value.setMinWidth(150);

        TreeTableColumn<Line, String> decoded = new TreeTableColumn<>("Decoded");
        decoded.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(decodedOf(cd.getValue().getValue())));
        decoded.setPrefWidth(180);
        decoded.getStyleClass().add(DebugStyles.REGISTER_BITS);

        tree.getColumns().setAll(List.of(name, value, decoded));
        tree.getColumns().forEach(c -> c.setSortable(false));
        tree.setRowFactory(tv -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove(DebugStyles.REGISTER_BITS);
                if (!empty && line instanceof BitLine) {
                    getStyleClass().add(DebugStyles.REGISTER_BITS);
                }
            }
        });

        model.rows().addListener((ListChangeListener<RegistersViewModel.Row>) change -> rebuild(root));
        rebuild(root);
        setCenter(tree);
    }

    private static String nameOf(Line line) {
        if (line instanceof RegisterLine r) {
            return r.row().displayName();
        }
        return line instanceof BitLine b ? b.name() : "";
    }

    private static String decodedOf(Line line) {
        if (line instanceof RegisterLine r) {
            return r.row().summary();
        }
        return line instanceof BitLine b ? b.bit().field().meaning() : "";
    }

    private void rebuild(TreeItem<Line> root) {
        root.getChildren().setAll(model.rows().stream().map(this::item).toList());
    }

    private TreeItem<Line> item(RegistersViewModel.Row row) {
        TreeItem<Line> item = new TreeItem<>(new RegisterLine(row));
        for (RegisterBits.Decoded bit : row.bits()) {
            item.getChildren().add(new TreeItem<>(new BitLine(bit)));
        }
        item.setExpanded(expanded.contains(row.name()));
        item.expandedProperty().addListener((obs, was, isNow) -> {
            if (isNow) {
                expanded.add(row.name());
            } else {
                expanded.remove(row.name());
            }
        });
        return item;
    }

    /** Opens (or closes) a decoded register's bit list, as a click on its arrow does. */
    public void setExpanded(String register, boolean open) {
        if (open) {
            expanded.add(register);
        } else {
            expanded.remove(register);
        }
        tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue() instanceof RegisterLine r && r.row().name().equals(register))
                .forEach(i -> i.setExpanded(open));
    }

    public TreeTableView<Line> tree() {
        return tree;
    }
}
