package dev.porthole.icons;

import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Keeps a table no taller than its rows. JavaFX fills the rest of a table's height with empty rows, each with its
 * cells, made and styled like real ones: a Call Stack of two frames in a panel 500 px tall made 22 rows and 88 cells,
 * most of the first stop's longest block. A table as tall as its rows leaves the panel's background below them; an
 * empty one keeps the whole height for its placeholder, and one with more rows than fit scrolls as before. Only for
 * tables with a fixed row height, which is what makes their height known before their rows are made.
 */
public final class FitToRows {
    private final Control table;
    private final IntSupplier rows;
    private final InvalidationListener update = o -> update();
    /** The skin's column header and horizontal scroll bar, found once per skin rather than at every update. */
    private Region header;
    private ScrollBar horizontalBar;

    private FitToRows(Control table, IntSupplier rows) {
        this.table = table;
        this.rows = rows;
        // Top, where rows start, in the two panes the views put tables in (a constraint other parents ignore).
        BorderPane.setAlignment(table, Pos.TOP_CENTER);
        StackPane.setAlignment(table, Pos.TOP_CENTER);
        table.skinProperty().addListener((obs, old, now) -> {
            findSkinParts();
            update();
        });
        table.heightProperty().addListener(update);
    }

    /** Sizes {@code table} to its items. */
    public static void install(TableView<?> table) {
        FitToRows fit = new FitToRows(table, () -> table.getItems() == null ? 0 : table.getItems().size());
        InvalidationListener sizeChanged = new WeakInvalidationListener(fit.update);
        table.itemsProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(sizeChanged);
            }
            if (now != null) {
                now.addListener(sizeChanged);
            }
            fit.update();
        });
        ObservableList<?> items = table.getItems();
        if (items != null) {
            items.addListener(sizeChanged);
        }
        table.fixedCellSizeProperty().addListener(fit.update);
        table.getProperties().put(FitToRows.class, fit);
        fit.update();
    }

    /** Sizes {@code tree} to its expanded rows. */
    public static <T> void install(TreeTableView<T> tree) {
        FitToRows fit = new FitToRows(tree, tree::getExpandedItemCount);
        tree.expandedItemCountProperty().addListener(fit.update);
        // The tree counts its rows anew only when asked, after its own handler of the same event: ask after it.
        EventHandler<TreeItem.TreeModificationEvent<T>> expanded = e -> Platform.runLater(fit::update);
        tree.rootProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(TreeItem.expandedItemCountChangeEvent(), expanded);
            }
            if (now != null) {
                now.addEventHandler(TreeItem.expandedItemCountChangeEvent(), expanded);
            }
            fit.update();
        });
        if (tree.getRoot() != null) {
            tree.getRoot().addEventHandler(TreeItem.expandedItemCountChangeEvent(), expanded);
        }
        tree.fixedCellSizeProperty().addListener(fit.update);
        tree.getProperties().put(FitToRows.class, fit);
        fit.update();
    }

    private void update() {
        int count = rows.getAsInt();
        double rowHeight = table instanceof TableView<?> t ? t.getFixedCellSize()
                : table instanceof TreeTableView<?> t ? t.getFixedCellSize() : -1;
        if (count == 0 || rowHeight <= 0 || header == null) {
            table.setPrefHeight(Region.USE_COMPUTED_SIZE);
            table.setMaxHeight(Double.MAX_VALUE);
            return;
        }
        Insets insets = table.getInsets();
        double headerHeight = header.getHeight() > 0 ? header.getHeight() : header.prefHeight(-1);
        double barHeight = horizontalBar != null && horizontalBar.isVisible() ? horizontalBar.getHeight() : 0;
        double height = insets.getTop() + headerHeight + count * rowHeight + insets.getBottom() + barHeight;
        table.setPrefHeight(Math.ceil(height));
        table.setMaxHeight(Region.USE_PREF_SIZE);
    }

    /** The skin adds its parts to the table as it is installed, so they can be found as soon as it is set. */
    private void findSkinParts() {
        header = table.lookup(".column-header-background") instanceof Region region ? region : null;
        horizontalBar = null;
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                horizontalBar = bar;
            }
        }
    }
}
