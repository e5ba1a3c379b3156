package dev.porthole.trace.view;

import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected event: name, track, start, duration, self time, category, depth and every argument. Shown under
 * the timeline; empty (with a hint) when nothing is selected. Reads the trace only; never changes the model.
 */
public final class EventDetailsView extends VBox {
    public static final String STYLE_CLASS = "ph-trace-details";

    private final Label title = new Label();
    private final GridPane fields = new GridPane();
    private final Label hint = new Label("Click a slice to see its details; double-click to zoom to it.");
    private int row;

    public EventDetailsView() {
        getStyleClass().add(STYLE_CLASS);
        title.setId("details-name");
        title.getStyleClass().add("ph-trace-details-title");
        hint.getStyleClass().add("ph-muted");
        fields.getStyleClass().add("ph-trace-details-fields");
        fields.setHgap(14);
        fields.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(keys, values);
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("ph-trace-details-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setPadding(new Insets(8, 12, 8, 12));
        setSpacing(6);
        getChildren().addAll(title, hint, scroll);
        show(null, -1);
    }

    /** Shows event {@code e} of {@code trace}, or the hint when {@code e < 0}. */
    public void show(Trace trace, int e) {
        fields.getChildren().clear();
        row = 0;
        boolean none = trace == null || e < 0 || e >= trace.eventCount();
        hint.setVisible(none);
        hint.setManaged(none);
        title.setText(none ? "No selection" : trace.name(e));
        if (none) {
            return;
        }
        Track track = trace.track(trace.trackOf(e));
        EventKind kind = trace.kind(e);
        add("track", track.label(), "details-track");
        add("kind", kind.name().toLowerCase(java.util.Locale.ROOT), "details-kind");
        add("start", TimeFormat.duration(trace.start(e) - trace.startTime()) + "  (" + trace.start(e) + " ns)",
                "details-start");
        if (kind == EventKind.SLICE) {
            add("duration", TimeFormat.duration(trace.duration(e)), "details-duration");
            add("self", TimeFormat.duration(selfTime(trace, e, track)), "details-self");
            add("end", TimeFormat.duration(trace.end(e) - trace.startTime()), "details-end");
            add("depth", Integer.toString(trace.depth(e)), "details-depth");
        }
        if (!trace.category(e).isEmpty()) {
            add("category", trace.category(e), "details-category");
        }
        Map<String, Object> args = trace.args(e);
        if (!args.isEmpty()) {
            Label heading = new Label("arguments");
            heading.getStyleClass().add("ph-trace-details-heading");
            fields.add(heading, 0, row++, 2, 1);
            args.forEach((k, v) -> add(k, String.valueOf(v), "details-arg-" + k));
        }
    }

    private void add(String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add("ph-muted");
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().add("ph-mono");
        v.setWrapText(true);
        fields.add(k, 0, row);
        fields.add(v, 1, row);
        row++;
    }

    /** Duration minus the time covered by direct children (one depth deeper, on the same track). */
    static long selfTime(Trace trace, int e, Track track) {
        long[] covered = {0};
        int depth = trace.depth(e);
        long start = trace.start(e);
        long end = trace.end(e);
        trace.lod().forEachOverlapping(track.id(), start, end, child -> {
            if (trace.depth(child) == depth + 1 && trace.kind(child) == EventKind.SLICE) {
                covered[0] += Math.max(0, Math.min(end, trace.end(child)) - Math.max(start, trace.start(child)));
            }
        });
        return Math.max(0, trace.duration(e) - covered[0]);
    }
}
