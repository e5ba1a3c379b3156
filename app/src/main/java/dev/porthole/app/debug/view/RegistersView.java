package dev.porthole.app.debug.view;

import dev.porthole.app.debug.RegisterBits;
import dev.porthole.icons.StyleClasses;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
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

    /**
     * A line of the tree: a register, or one field of a decoded register. A line stays the same object from stop to
     * stop and its content changes under it, so a step redraws the cells of the registers that changed, not every
     * row (a new tree item, or a new value in one, makes the table rebuild all of its cells).
     */
    public abstract static sealed class Line<T> permits RegisterLine, BitLine {
        private final ObjectProperty<T> content;

        Line(T value) {
            this.content = new SimpleObjectProperty<>(value);
        }

        /** What the line shows now; the cells follow it. */
        public ObservableValue<T> content() {
            return content;
        }

        T value() {
            return content.get();
        }

        /** Shows the next stop's value on this line, whose cells then redraw themselves. */
        void show(T value) {
            content.set(value);
        }
    }

    public static final class RegisterLine extends Line<RegistersViewModel.Row> {
        RegisterLine(RegistersViewModel.Row row) {
            super(row);
        }

        public RegistersViewModel.Row row() {
            return value();
        }
    }

    public static final class BitLine extends Line<RegisterBits.Decoded> {
        BitLine(RegisterBits.Decoded bit) {
            super(bit);
        }

        public RegisterBits.Decoded bit() {
            return value();
        }

        String name() {
            RegisterBits.Field f = bit().field();
            return f.width() == 1 ? f.name() + " [" + f.lowBit() + "]"
                    : f.name() + " [" + (f.lowBit() + f.width() - 1) + ":" + f.lowBit() + "]";
        }
    }

    private final TreeTableView<Line<?>> tree;
    private final Set<String> expanded = new HashSet<>();
    /** The model's rows, kept through a step so that the next stop updates the lines in place. */
    private final HeldRows<RegistersViewModel.Row> rows;

    public RegistersView(RegistersViewModel model) {
        super(model, DebugStyles.REGISTERS);
        TreeItem<Line<?>> root = new TreeItem<>();
        root.setExpanded(true);
        tree = new TreeTableView<>(root);
        tree.setId(TREE_ID);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("Not stopped."));

        TreeTableColumn<Line<?>, String> name = new TreeTableColumn<>("Register");
        name.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(nameOf(cd.getValue().getValue())));
        name.setPrefWidth(112);
        name.setMinWidth(100);

        TreeTableColumn<Line<?>, Object> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(cd -> cd.getValue().getValue().content().map(Object.class::cast));
        value.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Object content, boolean empty) {
                super.updateItem(content, empty);
                boolean changed = false;
                boolean bitSet = false;
                boolean bitClear = false;
                if (empty || content == null) {
                    setText(null);
                } else if (content instanceof RegistersViewModel.Row row) {
                    setText(RegistersViewModel.formatted(row));
                    changed = row.changed();
                } else if (content instanceof RegisterBits.Decoded bit) {
                    setText(Long.toString(bit.value()));
                    bitSet = bit.set();
                    bitClear = !bit.set();
                }
                // Only real changes touch the style classes: each one restyles the cell from scratch.
                StyleClasses.toggle(this, DebugStyles.CHANGED_VALUE, changed);
                StyleClasses.toggle(this, DebugStyles.REGISTER_BIT_SET, bitSet);
                StyleClasses.toggle(this, DebugStyles.REGISTER_BIT_CLEAR, bitClear);
            }
        });
        value.getStyleClass().add(DebugStyles.MONO);
        // 18 monospace characters: 0x and 16 hex digits, never cut
        value.setPrefWidth(160);
        value.setMinWidth(150);

        TreeTableColumn<Line<?>, String> decoded = new TreeTableColumn<>("Decoded");
        decoded.setCellValueFactory(cd -> cd.getValue().getValue().content().map(RegistersView::decodedOf));
        decoded.setPrefWidth(180);
        decoded.getStyleClass().add(DebugStyles.REGISTER_BITS);

        tree.getColumns().setAll(List.of(name, value, decoded));
        tree.getColumns().forEach(c -> c.setSortable(false));
        tree.setRowFactory(tv -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Line<?> line, boolean empty) {
                super.updateItem(line, empty);
                StyleClasses.toggle(this, DebugStyles.REGISTER_BITS, !empty && line instanceof BitLine);
            }
        });

        rows = new HeldRows<>(model.rows(), model);
        rows.rows().addListener((ListChangeListener<RegistersViewModel.Row>) change -> rebuild(root));
        rebuild(root);
        setCenter(rows.covering(tree));
    }

    private static String nameOf(Line<?> line) {
        if (line instanceof RegisterLine r) {
            return r.row().displayName();
        }
        return line instanceof BitLine b ? b.name() : "";
    }

    private static String decodedOf(Object content) {
        if (content instanceof RegistersViewModel.Row row) {
            return row.summary();
        }
        return content instanceof RegisterBits.Decoded bit ? bit.field().meaning() : "";
    }

    /** Puts the rows in the tree: in place when the same registers (and bit fields) are shown as before. */
    private void rebuild(TreeItem<Line<?>> root) {
        if (!updateInPlace(root, rows.rows())) {
            root.getChildren().setAll(rows.rows().stream().map(this::item).toList());
        }
    }

    private static boolean updateInPlace(TreeItem<Line<?>> root, List<RegistersViewModel.Row> rows) {
        List<TreeItem<Line<?>>> items = root.getChildren();
        if (rows.isEmpty() || items.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            RegisterLine line = (RegisterLine) items.get(i).getValue();
            if (!line.row().name().equals(rows.get(i).name()) || line.row().bits().size() != rows.get(i).bits().size()) {
                return false;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            TreeItem<Line<?>> item = items.get(i);
            RegistersViewModel.Row row = rows.get(i);
            ((RegisterLine) item.getValue()).show(row);
            for (int b = 0; b < row.bits().size(); b++) {
                ((BitLine) item.getChildren().get(b).getValue()).show(row.bits().get(b));
            }
        }
        return true;
    }

    private TreeItem<Line<?>> item(RegistersViewModel.Row row) {
        TreeItem<Line<?>> item = new TreeItem<>(new RegisterLine(row));
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

    public TreeTableView<Line<?>> tree() {
        return tree;
    }
}
