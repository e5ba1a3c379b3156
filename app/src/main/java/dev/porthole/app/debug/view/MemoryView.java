package dev.porthole.app.debug.view;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.icons.StyleClasses;
import dev.porthole.icons.UnfoldingPane;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
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
        // Some 20 rows of 20 nodes each at the first Go: made a quarter a frame.
        setCenter(UnfoldingPane.unfoldingAtFirstRows(list, model.rows()));
    }

    public ListView<MemoryViewModel.Row> list() {
        return list;
    }

    /**
     * One row's cell: shows a {@link RowGraphic}, made once per visible row and reused as the list scrolls.
     */
    private final class RowCell extends ListCell<MemoryViewModel.Row> {
        private final RowGraphic graphic = new RowGraphic();
        /**
         * The selection moves the marks itself; a refresh of the list would make every row's cell anew, and restyle
         * them all, for one click.
         */
        private final InvalidationListener selectionMoved = o -> graphic.markSelection(isEmpty() ? null : getItem());

        RowCell() {
            model.selectedAddressProperty().addListener(new WeakInvalidationListener(selectionMoved));
        }

        @Override
        protected void updateItem(MemoryViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            graphic.show(row);
            setGraphic(graphic);
        }
    }

    /**
     * One row: the address, 16 bytes in two groups of 8, the ASCII column. Texts laid out by hand in the monospace
     * grid, with one mark behind the selected bytes and one behind the byte under the mouse, rather than a pane per
     * byte in boxes: a first Go made and styled some 800 nodes in one frame that way, twice as many as now.
     */
    private final class RowGraphic extends Region {
        /** Space between the address, the hex and the ASCII columns, and between the two groups of 8. */
        private static final double COLUMN_GAP = 14;
        private static final double GROUP_GAP = 8;
        /** A byte's two digits and the space after them, in digit widths. */
        private static final double BYTE_ADVANCE = 2.5;

        private final Text address = text(DebugStyles.MEMORY_ADDRESS);
        private final Text[] bytes = new Text[MemoryViewModel.BYTES_PER_ROW];
        private final Text ascii = text(DebugStyles.MEMORY_ASCII);
        private final Rectangle selection = mark(DebugStyles.MEMORY_BYTE_SELECTED);
        private final Rectangle hover = mark(DebugStyles.MEMORY_BYTE_HOVER);
        private MemoryViewModel.Row row;
        /** The marked columns, placed at layout: their x depends on the font, which CSS sets. -1 when none. */
        private int selectedFirst = -1;
        private int selectedLast = -1;
        private int hoverColumn = -1;

        RowGraphic() {
            getStyleClass().add(DebugStyles.MEMORY_ROW);
            getChildren().addAll(selection, hover, address, ascii);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = text(DebugStyles.MEMORY_BYTE_TEXT);
                bytes[i].setId(BYTE_ID_PREFIX + i);
                getChildren().add(bytes[i]);
            }
            setOnMouseMoved(e -> showHover(columnAt(e.getX())));
            setOnMouseExited(e -> showHover(-1));
            setOnMouseClicked(e -> {
                int column = columnAt(e.getX());
                if (e.getButton() == MouseButton.PRIMARY && row != null && column >= 0 && column < row.bytes().length) {
                    model.select(row.address() + column);
                    if (e.getClickCount() == 2) {
                        model.followPointer();
                    }
                }
            });
        }

        private static Text text(String styleClass) {
            Text text = new Text();
            text.getStyleClass().add(styleClass);
            text.setTextOrigin(VPos.TOP);
            text.setManaged(false);
            return text;
        }

        private static Rectangle mark(String styleClass) {
            Rectangle mark = new Rectangle();
            mark.getStyleClass().add(styleClass);
            mark.setArcWidth(4);
            mark.setArcHeight(4);
            mark.setManaged(false);
            mark.setVisible(false);
            return mark;
        }

        void show(MemoryViewModel.Row shown) {
            row = shown;
            address.setText(shown.addressText());
            for (int i = 0; i < bytes.length; i++) {
                bytes[i].setText(shown.hex(i));
                StyleClasses.toggle(bytes[i], DebugStyles.CHANGED_VALUE, i < shown.changed().length && shown.changed()[i]);
            }
            ascii.setText(shown.ascii());
            markSelection(shown);
            requestLayout();
        }

        /** Marks the 8 bytes from the selected address that fall in this row. */
        void markSelection(MemoryViewModel.Row shown) {
            long selected = model.selectedAddressProperty().get();
            selectedFirst = -1;
            selectedLast = -1;
            if (shown != null && selected >= 0) {
                for (int i = 0; i < shown.bytes().length; i++) {
                    long at = shown.address() + i;
                    if (at >= selected && at < selected + 8) {
                        selectedFirst = selectedFirst < 0 ? i : selectedFirst;
                        selectedLast = i;
                    }
                }
            }
            selection.setVisible(selectedFirst >= 0);
            requestLayout();
        }

        private void showHover(int column) {
            hoverColumn = row != null && column < row.bytes().length ? column : -1;
            hover.setVisible(hoverColumn >= 0);
            requestLayout();
        }

        /** The width of one digit in the row's monospace font. */
        private double digitWidth() {
            String digits = bytes[0].getText();
            double width = bytes[0].getLayoutBounds().getWidth();
            return digits == null || digits.isEmpty() ? 7 : width / digits.length();
        }

        private double hexX() {
            return snappedLeftInset() + address.getLayoutBounds().getWidth() + COLUMN_GAP;
        }

        private double byteX(int column) {
            return hexX() + column * BYTE_ADVANCE * digitWidth() + (column >= 8 ? GROUP_GAP : 0);
        }

        /** The byte column under {@code x}, or -1 between the columns. */
        private int columnAt(double x) {
            double w = digitWidth();
            for (int i = 0; i < bytes.length; i++) {
                double from = byteX(i) - w * 0.25;
                if (x >= from && x < from + BYTE_ADVANCE * w) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        protected void layoutChildren() {
            double top = snappedTopInset();
            double height = Math.max(0, getHeight() - top - snappedBottomInset());
            double textTop = top + Math.max(0, (height - address.getLayoutBounds().getHeight()) / 2);
            address.relocate(snappedLeftInset(), textTop);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i].relocate(byteX(i), textTop);
            }
            ascii.relocate(byteX(bytes.length - 1) + 2 * digitWidth() + COLUMN_GAP, textTop);
            double digits = 2 * digitWidth();
            if (selectedFirst >= 0) {
                place(selection, byteX(selectedFirst) - 1, byteX(selectedLast) + digits + 1, textTop);
            }
            if (hoverColumn >= 0) {
                place(hover, byteX(hoverColumn) - 1, byteX(hoverColumn) + digits + 1, textTop);
            }
        }

        private void place(Rectangle mark, double fromX, double toX, double textTop) {
            mark.setX(fromX);
            mark.setWidth(toX - fromX);
            mark.setY(textTop - 1);
            mark.setHeight(address.getLayoutBounds().getHeight() + 2);
        }

        @Override
        protected double computePrefWidth(double height) {
            return byteX(bytes.length - 1) + 2 * digitWidth() + COLUMN_GAP + ascii.getLayoutBounds().getWidth()
                    + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + address.getLayoutBounds().getHeight() + snappedBottomInset();
        }
    }
}
