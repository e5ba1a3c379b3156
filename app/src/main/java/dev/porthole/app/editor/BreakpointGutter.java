package dev.porthole.app.editor;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The left margin of one code area, one node per visible paragraph: the line number, the breakpoint marker (a dot for
 * software, a chip for hardware, greyed when disabled) and the arrow of the stopped line. A primary click toggles the
 * breakpoint on that line; a secondary click offers its kind, enabled state and removal.
 */
final class BreakpointGutter implements IntFunction<Node> {
    private static final int MARKER_SIZE = 15;

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
        Label number = new Label(padded(line, digits(paragraphCount.getAsInt())));
        number.getStyleClass().add(EditorStyle.LINE_NUMBER);

        StackPane marker = new StackPane();
        marker.getStyleClass().add("ph-breakpoint-slot");
        marker.setMinSize(MARKER_SIZE + 4, MARKER_SIZE);
        marker.setPrefSize(MARKER_SIZE + 4, MARKER_SIZE);

        StackPane arrow = new StackPane();
        arrow.setMinSize(MARKER_SIZE, MARKER_SIZE);
        arrow.setPrefSize(MARKER_SIZE, MARKER_SIZE);

        HBox gutter = new HBox(marker, number, arrow);
        gutter.setAlignment(Pos.CENTER_LEFT);
        gutter.getStyleClass().add(EditorStyle.GUTTER);
        gutter.setUserData(line);
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
        if (!(node instanceof HBox gutter) || !(gutter.getUserData() instanceof Integer line)) {
            return;
        }
        Marks marks = new Marks(viewModel.breakpoints().find(document.path(), line),
                viewModel.executionPointProperty().get().filter(p -> p.file().equals(document.path()) && p.line() == line).isPresent());
        if (marks.equals(gutter.getProperties().get(Marks.class))) {
            return;
        }
        gutter.getProperties().put(Marks.class, marks);
        StackPane marker = (StackPane) gutter.getChildren().get(0);
        marker.getChildren().setAll(marks.breakpoint().map(BreakpointGutter::markerOf).stream().toList());
        StackPane arrow = (StackPane) gutter.getChildren().get(2);
        if (marks.current()) {
            Node icon = Icons.node(Icon.CURRENT_LINE, MARKER_SIZE);
            icon.getStyleClass().add(EditorStyle.CURRENT_LINE_ARROW);
            arrow.getChildren().setAll(icon);
            gutter.getStyleClass().add(EditorStyle.GUTTER_CURRENT);
        } else {
            arrow.getChildren().clear();
            gutter.getStyleClass().remove(EditorStyle.GUTTER_CURRENT);
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
