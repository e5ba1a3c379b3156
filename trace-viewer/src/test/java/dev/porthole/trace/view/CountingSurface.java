package dev.porthole.trace.view;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Counts what a frame draws, passing every call on (or drawing nothing when there is no delegate). */
class CountingSurface implements TimelineSurface {
    private final TimelineSurface delegate;
    long filledRects;
    long polygons;
    long strokes;
    long texts;

    CountingSurface(TimelineSurface delegate) {
        this.delegate = delegate;
    }

    long filledShapes() {
        return filledRects + polygons;
    }

    void reset() {
        filledRects = polygons = strokes = texts = 0;
    }

    @Override
    public void setFill(Color colour) {
        if (delegate != null) {
            delegate.setFill(colour);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        filledRects++;
        if (delegate != null) {
            delegate.fillRect(x, y, w, h);
        }
    }

    @Override
    public void setStroke(Color colour) {
        if (delegate != null) {
            delegate.setStroke(colour);
        }
    }

    @Override
    public void setLineWidth(double width) {
        if (delegate != null) {
            delegate.setLineWidth(width);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        strokes++;
        if (delegate != null) {
            delegate.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        strokes++;
        if (delegate != null) {
            delegate.strokeLine(x0, y0, x1, y1);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        polygons++;
        if (delegate != null) {
            delegate.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void setFont(Font font) {
        if (delegate != null) {
            delegate.setFont(font);
        }
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        if (delegate != null) {
            delegate.setTextAlign(align);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        texts++;
        if (delegate != null) {
            delegate.fillText(text, x, y);
        }
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        if (delegate != null) {
            delegate.clipRect(x, y, w, h);
        }
    }

    @Override
    public void restore() {
        if (delegate != null) {
            delegate.restore();
        }
    }
}
