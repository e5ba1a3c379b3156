package dev.porthole.trace.view;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The drawing calls the timeline makes, and nothing else. {@link #of(GraphicsContext)} draws on a Canvas; a test
 * or benchmark can wrap it to count what a frame costs (a GraphicsContext is final and cannot be wrapped itself).
 */
public interface TimelineSurface {
    void setFill(Color colour);

    void fillRect(double x, double y, double w, double h);

    void setStroke(Color colour);

    void setLineWidth(double width);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    /** A closed polygon of the first {@code n} points (instants' diamonds, group triangles). */
    void fillPolygon(double[] xs, double[] ys, int n);

    void setFont(Font font);

    void setTextAlign(TextAlignment align);

    /** Text with its vertical centre at {@code y}. */
    void fillText(String text, double x, double y);

    /** Limits drawing to a rectangle until {@link #restore()}. */
    void clipRect(double x, double y, double w, double h);

    void restore();

    static TimelineSurface of(GraphicsContext g) {
        return new CanvasSurface(g);
    }

    /** The real thing: straight through to a Canvas. */
    final class CanvasSurface implements TimelineSurface {
        private final GraphicsContext g;

        CanvasSurface(GraphicsContext g) {
            this.g = g;
            g.setTextBaseline(VPos.CENTER);
        }

        @Override
        public void setFill(Color colour) {
            g.setFill(colour);
        }

        @Override
        public void fillRect(double x, double y, double w, double h) {
            g.fillRect(x, y, w, h);
        }

        @Override
        public void setStroke(Color colour) {
            g.setStroke(colour);
        }

        @Override
        public void setLineWidth(double width) {
            g.setLineWidth(width);
        }

        @Override
        public void strokeRect(double x, double y, double w, double h) {
            g.strokeRect(x, y, w, h);
        }

        @Override
        public void strokeLine(double x0, double y0, double x1, double y1) {
            g.strokeLine(x0, y0, x1, y1);
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n) {
            g.fillPolygon(xs, ys, n);
        }

        @Override
        public void setFont(Font font) {
            g.setFont(font);
        }

        @Override
        public void setTextAlign(TextAlignment align) {
            g.setTextAlign(align);
        }

        @Override
        public void fillText(String text, double x, double y) {
            g.fillText(text, x, y);
        }

        @Override
        public void clipRect(double x, double y, double w, double h) {
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
        }

        @Override
        public void restore() {
            g.restore();
            g.setTextBaseline(VPos.CENTER);
        }
    }
}
