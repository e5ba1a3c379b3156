package dev.porthole.app.debug.view;

import dev.porthole.icons.StyleClasses;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * The Memory panel: a hex and ASCII dump, 16 bytes a row. Rows are cells of a virtualized list, so only the visible
 * rows have nodes however large the window. Click a byte to select it (and the 7 after it: a pointer); Follow goes
 * to the address those 8 bytes hold.
 */
public final class MemoryView extends PanelView<MemoryViewModel> {
    public static final String ADDRESS_FIELD_ID = "memory-address";
    public static final String GO_BUTTON_ID = "memory-go";
    public static final String PAGE_UP_ID = "memory-page-up";
    public static final String PAGE_DOWN_ID = "memory-page-down";
    public static final String FOLLOW_ID = "memory-follow";
    public static final String LIST_ID = "memory-rows";
    /** A byte's text carries this id prefix and its column: {@code memory-byte-3}. */
    public static final String BYTE_ID_PREFIX = "memory-byte-";

    private final ListView<MemoryViewModel.Row> list = new ListView<>();

    public MemoryView(MemoryViewModel model) {
        super(model, DebugStyles.MEMORY);
        TextField address = new TextField();
        address.setId(ADDRESS_FIELD_ID);
        address.setPromptText("address or expression: 0x100000, &trace_ring, $rsp");
        address.getStyleClass().add(DebugStyles.MONO);
        HBox.setHgrow(address, Priority.ALWAYS);
        address.setOnAction(e -> model.goTo(address.getText()));
        model.expressionProperty().addListener((obs, was, now) -> {
            if (!address.isFocused()) {
                address.setText(now);
            }
        });
        Button go = new Button("Go", Icons.node(Icon.SEARCH));
        go.setId(GO_BUTTON_ID);
        go.setOnAction(e -> model.goTo(address.getText()));
        Button up = new Button(null, Icons.node(Icon.STEP_OUT));
        up.setId(PAGE_UP_ID);
        up.setTooltip(new Tooltip("Previous " + model.windowBytes() + " bytes"));
        up.setOnAction(e -> model.pageUp());
        Button down = new Button(null, Icons.node(Icon.STEP_INTO));
        down.setId(PAGE_DOWN_ID);
        down.setTooltip(new Tooltip("Next " + model.windowBytes() + " bytes"));
        down.setOnAction(e -> model.pageDown());
        Button follow = new Button("Follow", Icons.node(Icon.RUN_TO_LINE));
        follow.setId(FOLLOW_ID);
        follow.setTooltip(new Tooltip("Go to the address held in the 8 selected bytes (little endian)"));
        follow.disableProperty().bind(model.selectedAddressProperty().lessThan(0));
        follow.setOnAction(e -> model.followPointer());
        Label selection = new Label();
        selection.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.MUTED);
        model.selectedAddressProperty().addListener((obs, was, now) -> {
            long at = now.longValue();
            selection.setText(at < 0 ? "" : model.pointerAt(at).isPresent()
                    ? String.format("@%x → 0x%x", at, model.pointerAt(at).getAsLong()) : String.format("@%x", at));
        });
        setTop(toolbar(address, go, up, down, follow, selection));

        list.setId(LIST_ID);
        list.setItems(model.rows());
        list.setFixedCellSize(22);
        list.setPlaceholder(new Label("Type an address or expression above and press Enter."));
        list.setCellFactory(lv -> new RowCell());
        setCenter(list);
    }

    public ListView<MemoryViewModel.Row> list() {
        return list;
    }

    /**
     * One row: the address, 16 bytes in two groups of 8, the ASCII column, made once per visible row and reused. The
     * row is drawn with Texts, each byte in a plain pane for its hover and selection background: with a Label (a
     * control with a skin) for each of its 18 fields, the first Go made and styled some 400 controls in one frame.
     */
    private final class RowCell extends ListCell<MemoryViewModel.Row> {
        private final Text address = text(DebugStyles.MEMORY_ADDRESS);
        private final Text[] bytes = new Text[MemoryViewModel.BYTES_PER_ROW];
        private final StackPane[] byteBoxes = new StackPane[MemoryViewModel.BYTES_PER_ROW];
        private final Text ascii = text(DebugStyles.MEMORY_ASCII);
        private final HBox box = new HBox(14);
        /**
         * The selection moves the marks itself; a refresh of the list would make every row's cell and its 18
         * fields anew, and restyle them all, for one click.
         */
        private final InvalidationListener selectionMoved = o -> markSelection();

        RowCell() {
            model.selectedAddressProperty().addListener(new WeakInvalidationListener(selectionMoved));
            box.getStyleClass().add(DebugStyles.MEMORY_ROW);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox hex = new HBox(2);
            hex.setAlignment(Pos.CENTER_LEFT);
            for (int i = 0; i < bytes.length; i++) {
                Text b = text(DebugStyles.MEMORY_BYTE_TEXT);
                b.setId(BYTE_ID_PREFIX + i);
                StackPane boxed = new StackPane(b);
                boxed.getStyleClass().add(DebugStyles.MEMORY_BYTE);
                int column = i;
                boxed.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && getItem() != null && column < getItem().bytes().length) {
                        model.select(getItem().address() + column);
                        if (e.getClickCount() == 2) {
                            model.followPointer();
                        }
                    }
                });
                if (i == 8) {
                    Region gap = new Region();
                    gap.setMinWidth(6);
                    hex.getChildren().add(gap);
                }
                bytes[i] = b;
                byteBoxes[i] = boxed;
                hex.getChildren().add(boxed);
            }
            box.getChildren().addAll(address, hex, ascii);
        }

        private static Text text(String styleClass) {
            Text text = new Text();
            text.getStyleClass().add(styleClass);
            return text;
        }

        @Override
        protected void updateItem(MemoryViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            address.setText(row.addressText());
            for (int i = 0; i < bytes.length; i++) {
                bytes[i].setText(row.hex(i));
                StyleClasses.toggle(byteBoxes[i], DebugStyles.CHANGED_VALUE, i < row.changed().length && row.changed()[i]);
            }
            markSelection();
            ascii.setText(row.ascii());
            setGraphic(box);
        }

        /** Marks the 8 bytes from the selected address that fall in this row. */
        private void markSelection() {
            MemoryViewModel.Row row = isEmpty() ? null : getItem();
            long selected = model.selectedAddressProperty().get();
            for (int i = 0; i < bytes.length; i++) {
                long at = row == null ? -1 : row.address() + i;
                StyleClasses.toggle(byteBoxes[i], DebugStyles.MEMORY_BYTE_SELECTED,
                        row != null && selected >= 0 && at >= selected && at < selected + 8 && i < row.bytes().length);
            }
        }
    }
}
