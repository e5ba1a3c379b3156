package dev.porthole.app.editor;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.icons.StyleClasses;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;

/**
 * The left margin of one code area, one node per visible paragraph: the line number, the breakpoint marker (a dot for
 * software, a chip for hardware, greyed when disabled) and the arrow of the stopped line. A primary click toggles the
 * breakpoint on that line; a secondary click offers its kind, enabled state and removal.
 */
final class BreakpointGutter implements IntFunction<Node> {
    private static final int MARKER_SIZE = (int) GutterLine.MARKER_SIZE;

    private final SourceDocument document;
    private final EditorViewModel viewModel;
    private final IntSupplier paragraphCount;

    BreakpointGutter(SourceDocument document, EditorViewModel viewModel, IntSupplier paragraphCount) {
        this.document = document;
        this.viewModel = viewModel;
        this.paragraphCount = paragraphCount;
    }

    @Override
    public Node apply(int paragraph) {
        int line = paragraph + 1;
        GutterLine gutter = new GutterLine(line, padded(line, digits(paragraphCount.getAsInt())));
        refresh(gutter);
        // The area may keep a line's node aside and show it again later: it is brought up to date then.
        gutter.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                refresh(gutter);
            }
        });
        gutter.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                viewModel.toggleBreakpoint(document.path(), line);
                event.consume();
            }
        });
        gutter.setOnContextMenuRequested(event -> {
            menuFor(line).show(gutter, event.getScreenX(), event.getScreenY());
            event.consume();
        });
        return gutter;
    }

    /** What one line's gutter shows besides its number; equal marks mean nothing to redraw. */
    private record Marks(Optional<SourceBreakpoint> breakpoint, boolean current) {
    }

    /**
     * Brings a gutter node made by {@link #apply} up to date with the breakpoints and the stopped line, touching its
     * children only when what it shows changed. A stop or a new breakpoint thus restyles one or two lines' markers
     * instead of every visible line's gutter (a new graphic factory makes the area rebuild them all).
     */
    void refresh(Node node) {
        if (!(node instanceof GutterLine gutter)) {
            return;
        }
        int line = gutter.line();
        Marks marks = new Marks(viewModel.breakpoints().find(document.path(), line),
                viewModel.executionPointProperty().get().filter(p -> p.file().equals(document.path()) && p.line() == line).isPresent());
        Marks shown = (Marks) gutter.getProperties().get(Marks.class);
        if (marks.equals(shown)) {
            return;
        }
        gutter.getProperties().put(Marks.class, marks);
        if (shown == null || !marks.breakpoint().equals(shown.breakpoint())) {
            gutter.setMarker(marks.breakpoint().map(BreakpointGutter::markerOf).orElse(null));
        }
        if (shown == null ? marks.current() : marks.current() != shown.current()) {
            if (marks.current()) {
                Node icon = Icons.node(Icon.CURRENT_LINE, MARKER_SIZE);
                icon.getStyleClass().add(EditorStyle.CURRENT_LINE_ARROW);
                gutter.setArrow(icon);
            } else {
                gutter.setArrow(null);
            }
            StyleClasses.toggle(gutter, EditorStyle.GUTTER_CURRENT, marks.current());
        }
    }

    private static Node markerOf(SourceBreakpoint breakpoint) {
        Node icon = Icons.node(breakpoint.hardware() ? Icon.BREAKPOINT_HARDWARE : Icon.BREAKPOINT, MARKER_SIZE);
        icon.getStyleClass().add(breakpoint.hardware() ? EditorStyle.BREAKPOINT_HARDWARE : EditorStyle.BREAKPOINT);
        if (!breakpoint.enabled()) {
            icon.getStyleClass().add(EditorStyle.BREAKPOINT_DISABLED);
        }
        return icon;
    }

    private ContextMenu menuFor(int line) {
        BreakpointModel model = viewModel.breakpoints();
        Optional<SourceBreakpoint> existing = model.find(document.path(), line);
        ContextMenu menu = new ContextMenu();
        if (existing.isEmpty()) {
            MenuItem software = new MenuItem("Add breakpoint");
            software.setOnAction(e -> model.add(SourceBreakpoint.software(document.path(), line)));
            MenuItem hardware = new MenuItem("Add hardware breakpoint");
            hardware.setOnAction(e -> model.add(SourceBreakpoint.hardware(document.path(), line)));
            menu.getItems().addAll(software, hardware);
            return menu;
        }
        SourceBreakpoint breakpoint = existing.get();
        CheckMenuItem hardware = new CheckMenuItem("Hardware breakpoint");
        hardware.setSelected(breakpoint.hardware());
        hardware.setOnAction(e -> model.setHardware(document.path(), line, hardware.isSelected()));
        CheckMenuItem enabled = new CheckMenuItem("Enabled");
        enabled.setSelected(breakpoint.enabled());
        enabled.setOnAction(e -> model.setEnabled(document.path(), line, enabled.isSelected()));
        MenuItem remove = new MenuItem("Remove breakpoint");
        remove.setOnAction(e -> model.remove(document.path(), line));
        menu.getItems().addAll(hardware, enabled, new SeparatorMenuItem(), remove);
        return menu;
    }

    static int digits(int count) {
        return Math.max(2, String.valueOf(Math.max(1, count)).length());
    }

    private static String padded(int line, int width) {
        String text = String.valueOf(line);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
