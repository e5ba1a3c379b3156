package dev.porthole.build.view;

import dev.porthole.build.layout.SizeNode;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A squarified treemap of the size hierarchy below the view model's current node: one rectangle per child,
 * area by size (see {@link Squarify}), each child's own children sketched inside it one level deep.
 * Clicking a rectangle zooms into it; the breadcrumb in {@link LayoutView} goes back. One canvas.
 */
public final class Treemap extends Region {
    private static final Color[] PALETTE = {
        Color.web("#4f81bd"), Color.web("#c0504d"), Color.web("#9bbb59"), Color.web("#8064a2"), Color.web("#4bacc6"),
        Color.web("#f79646"), Color.web("#2c4d75"), Color.web("#772c2a"), Color.web("#5f7530"), Color.web("#276a7c"),
    };

    private final LayoutViewModel model;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private List<Squarify.Cell> cells = List.of();
    private List<SizeNode> shown = List.of();

    public Treemap(LayoutViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        setMinSize(100, 100);
        setPrefSize(600, 360);
        model.treemapRootProperty().addListener((o, a, b) -> requestLayout());
        canvas.setOnMouseClicked(e -> {
            SizeNode node = nodeAt(e.getX(), e.getY());
            if (node != null) {
                model.zoomInto(node);
            }
        });
        canvas.setOnMouseMoved(e -> {
            SizeNode node = nodeAt(e.getX(), e.getY());
            if (node == null) {
                Tooltip.uninstall(canvas, tooltip);
                return;
            }
            tooltip.setText(node.name() + "  " + node.size() + " bytes" + (node.sourcePath() != null ? "\n" + node.sourcePath() : ""));
            Tooltip.install(canvas, tooltip);
        });
    }

    /** The child of the current node under a point, or null. */
    public SizeNode nodeAt(double x, double y) {
        for (Squarify.Cell cell : cells) {
            if (cell.contains(x, y)) {
                return shown.get(cell.index());
            }
        }
        return null;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        SizeNode root = model.treemapRootProperty().get();
        shown = root == null ? List.of() : root.children();
        cells = Squarify.layout(sizes(shown), 0, 0, getWidth(), getHeight());
        draw();
    }

    private static long[] sizes(List<SizeNode> nodes) {
        long[] sizes = new long[nodes.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = nodes.get(i).size();
        }
        return sizes;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextBaseline(VPos.TOP);
        for (Squarify.Cell cell : cells) {
            SizeNode node = shown.get(cell.index());
            Color color = node.kind() == SizeNode.Kind.UNATTRIBUTED ? Color.GRAY : PALETTE[cell.index() % PALETTE.length];
            g.setFill(color);
            g.fillRect(cell.x(), cell.y(), cell.width(), cell.height());
            List<SizeNode> inner = node.children();
            if (!inner.isEmpty() && cell.width() > 40 && cell.height() > 40) {
                List<Squarify.Cell> innerCells = Squarify.layout(sizes(inner), cell.x() + 3, cell.y() + 16, cell.width() - 6, cell.height() - 19);
                g.setStroke(color.darker());
                g.setLineWidth(0.5);
                for (Squarify.Cell innerCell : innerCells) {
                    g.strokeRect(innerCell.x(), innerCell.y(), innerCell.width(), innerCell.height());
                }
            }
            g.setStroke(Color.web("#1e1e1e"));
            g.setLineWidth(1);
            g.strokeRect(cell.x(), cell.y(), cell.width(), cell.height());
            if (cell.width() > 30 && cell.height() > 14) {
                g.setFill(Color.WHITE);
                g.fillText(fit(node.name() + " " + human(node.size()), cell.width() - 4), cell.x() + 2, cell.y() + 1);
            }
        }
    }

    private static String fit(String text, double width) {
        int chars = (int) (width / 7);
        return text.length() <= chars ? text : chars <= 1 ? "" : text.substring(0, chars - 1) + "…";
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
