package dev.porthole.trace.view;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.trace.model.EventKind;
import dev.porthole.trace.model.Trace;
import java.util.Map;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The timeline: a search bar on top, a Canvas with lane names, a time ruler and the lanes, and the selected
 * event's details below. All state lives in the {@link TimelineViewModel}; this class turns keys and the mouse
 * into its operations and redraws at most once per pulse (an {@link AnimationTimer} that runs only while
 * something changed).
 *
 * <p>Keys: W/S zoom in/out (around the mouse when it is over the lanes), A/D pan, F or Z zoom to the selection,
 * Ctrl+F search, Enter/Shift+Enter next/previous match, Esc clear. Mouse: Ctrl+wheel zooms around the cursor,
 * the wheel scrolls lanes, drag pans, click selects (a group header collapses its group), double-click zooms to
 * the event; hovering shows a card with name, start, duration and arguments.
 */
public final class TimelineView extends BorderPane {
    public static final String STYLE_CLASS = "ph-timeline";
    public static final String STYLESHEET = Objects.requireNonNull(
            TimelineView.class.getResource("trace-view.css"), "trace-view.css").toExternalForm();
    /** Pixels a mouse must move between press and release for the gesture to be a drag, not a click. */
    static final double DRAG_THRESHOLD = 4;
    static final double WHEEL_NOTCH = 40;
    static final int MAX_ARGS_IN_CARD = 6;

    private final TimelineViewModel model;
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final Canvas canvas = new Canvas();
    private final LanesPane lanes = new LanesPane();
    private final Region paletteSwatch = new Region();
    private final VBox hoverCard = new VBox();
    private final Label hoverName = new Label();
    private final Label hoverTiming = new Label();
    private final Label hoverArgs = new Label();
    private final EventDetailsView details = new EventDetailsView();
    private final TextField searchField = new TextField();
    private final Label matchLabel = new Label();
    private final ToggleButton followButton = new ToggleButton("Follow");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", true);
    private final SplitPane split;
    private TimelinePalette palette = TimelinePalette.DARK;
    private TimelineSurface surface;
    private boolean syncingSearchField;

    private boolean dirty = true;
    private boolean painting;
    private int idlePulses;
    private long frames;
    private final AnimationTimer painter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse();
        }
    };
    private Runnable pulseHook = () -> { };

    // mouse gesture state
    private double pressX;
    private double pressY;
    private long pressViewStart;
    private double pressScrollY;
    private boolean dragging;
    private double mouseX = -1;
    private double mouseY = -1;

    public TimelineView() {
        this(new TimelineViewModel());
    }

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setTop(buildSearchBar());
        split = new SplitPane(lanes, details);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);
        buildLanes();
        bindModel();
        dark.addListener((o, was, now) -> readPalette());
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                requestRedraw();
            } else {
                painter.stop();
                painting = false;
            }
        });
    }

    public TimelineViewModel getModel() {
        return model;
    }

    /** Shows {@code trace} whole. */
    public void setTrace(Trace trace) {
        model.setTrace(trace);
    }

    /** Which built-in palette to use when the scene's stylesheets do not define the {@code -ph-*} colours. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public TimelinePalette getPalette() {
        return palette;
    }

    public TimelineRenderer getRenderer() {
        return renderer;
    }

    public EventDetailsView getDetails() {
        return details;
    }

    public TextField getSearchField() {
        return searchField;
    }

    /** The area with the canvas: where the mouse and the timeline keys act. */
    public Region getLanesArea() {
        return lanes;
    }

    public Canvas getCanvas() {
        return canvas;
    }

    /** Frames drawn so far: a test can wait for one more instead of sleeping. */
    public long framesDrawn() {
        return frames;
    }

    /** Runs on the FX thread at every pulse while the timeline animates (live following feeds itself from it). */
    void setPulseHook(Runnable hook) {
        this.pulseHook = hook;
    }

    // ---- construction ----

    private HBox buildSearchBar() {
        searchField.setId("trace-search");
        searchField.setPromptText("Search slices   Ctrl+F");
        searchField.getStyleClass().add("ph-trace-search");
        searchField.setPrefColumnCount(22);
        searchField.textProperty().addListener((o, was, now) -> {
            if (!syncingSearchField) {
                model.search(now);
            }
        });
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
        matchLabel.setId("trace-match-count");
        matchLabel.getStyleClass().add("ph-muted");
        matchLabel.setMinWidth(70);
        Button previous = iconButton(Icon.STEP_OUT, "Previous match (Shift+Enter)", model::previousMatch);
        Button next = iconButton(Icon.STEP_INTO, "Next match (Enter)", model::nextMatch);
        Button zoomIn = iconButton(Icon.ZOOM_IN, "Zoom in (W, Ctrl+wheel)", () -> model.zoomIn(anchorTime()));
        Button zoomOut = iconButton(Icon.ZOOM_OUT, "Zoom out (S, Ctrl+wheel)", () -> model.zoomOut(anchorTime()));
        Button fit = iconButton(Icon.ZOOM_FIT, "Zoom to selection, or everything (F, Z)", model::zoomToSelection);
        fit.setId("trace-zoom-fit");
        followButton.setId("trace-follow");
        followButton.setGraphic(Icons.node(Icon.RUN));
        followButton.setTooltip(new Tooltip("Follow the live run: keep the whole trace in view as it grows"));
        followButton.selectedProperty().bindBidirectional(model.followingProperty());
        followButton.setFocusTraversable(false);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label searchIcon = new Label(null, Icons.node(Icon.SEARCH));
        HBox bar = new HBox(4, searchIcon, searchField, matchLabel, previous, next, spacer, zoomIn, zoomOut, fit,
                followButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("ph-toolbar", "ph-trace-toolbar");
        return bar;
    }

    private Button iconButton(Icon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.node(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            lanes.requestFocus();
        });
        return b;
    }

    private void buildLanes() {
        lanes.getStyleClass().add("ph-timeline-lanes");
        lanes.setFocusTraversable(true);
        lanes.setMinSize(120, 60);
        lanes.setPrefSize(900, 420);
        paletteSwatch.getStyleClass().add("ph-timeline-palette");
        paletteSwatch.setManaged(false);
        paletteSwatch.setVisible(false);
        paletteSwatch.backgroundProperty().addListener((o, was, now) -> readPalette());
        hoverName.getStyleClass().add("ph-hover-name");
        hoverTiming.getStyleClass().add("ph-hover-timing");
        hoverArgs.getStyleClass().add("ph-hover-args");
        hoverCard.getStyleClass().add("ph-timeline-hover");
        hoverCard.getChildren().addAll(hoverName, hoverTiming, hoverArgs);
        hoverCard.setManaged(false);
        hoverCard.setVisible(false);
        hoverCard.setMouseTransparent(true);
        hoverCard.setId("trace-hover");
        lanes.getChildren().addAll(canvas, paletteSwatch, hoverCard);
        lanes.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMouseMoved);
        lanes.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            mouseX = -1;
            model.hoveredEventProperty().set(-1);
        });
        lanes.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onMousePressed);
        lanes.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onMouseDragged);
        lanes.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onMouseReleased);
        lanes.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void bindModel() {
        InvalidationListener redraw = o -> requestRedraw();
        model.traceProperty().addListener(redraw);
        model.viewStartProperty().addListener(redraw);
        model.viewEndProperty().addListener(redraw);
        model.hoveredEventProperty().addListener(redraw);
        model.layoutProperty().addListener(redraw);
        model.scrollYProperty().addListener(redraw);
        model.matchesProperty().addListener(o -> {
            updateMatchLabel();
            requestRedraw();
        });
        model.currentMatchProperty().addListener(o -> updateMatchLabel());
        model.selectedEventProperty().addListener(o -> {
            details.show(model.getTrace(), model.getSelectedEvent());
            requestRedraw();
        });
        model.traceProperty().addListener(o -> details.show(model.getTrace(), model.getSelectedEvent()));
        model.matchesProperty().addListener((o, was, now) -> {
            // the model searched on its own (Esc, a phase picked in the table): show it without searching again
            syncingSearchField = true;
            try {
                if (!now.active() && !searchField.getText().isEmpty()) {
                    searchField.setText("");
                } else if (now.active() && !now.query().equals(searchField.getText().strip())) {
                    searchField.setText(now.query());
                }
            } finally {
                syncingSearchField = false;
            }
        });
    }

    private void updateMatchLabel() {
        SearchMatches m = model.getMatches();
        if (!m.active()) {
            matchLabel.setText("");
        } else if (m.count() == 0) {
            matchLabel.setText("no match");
        } else if (model.getCurrentMatch() < 0) {
            matchLabel.setText(m.count() == 1 ? "1 match" : String.format("%,d matches", m.count()));
        } else {
            matchLabel.setText(String.format("%,d / %,d", model.getCurrentMatch() + 1, m.count()));
        }
    }

    private void readPalette() {
        TimelinePalette fallback = dark.get() ? TimelinePalette.DARK : TimelinePalette.LIGHT;
        palette = TimelinePalette.fromBackground(paletteSwatch.getBackground(), fallback);
        requestRedraw();
    }

    // ---- drawing ----

    /** Marks the frame stale; it is drawn at the next pulse. */
    public void requestRedraw() {
        dirty = true;
        idlePulses = 0;
        if (!painting && getScene() != null) {
            painting = true;
            painter.start();
        }
    }

    /** Keeps the pulse running (live following) even when nothing needs drawing. */
    void keepAnimating() {
        idlePulses = 0;
        if (!painting && getScene() != null) {
            painting = true;
            painter.start();
        }
    }

    private void onPulse() {
        pulseHook.run();
        if (dirty) {
            redrawNow();
        } else if (++idlePulses > 30) {
            painter.stop();
            painting = false;
        }
    }

    /** Draws the frame now (FX thread). */
    public void redrawNow() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        if (surface == null) {
            surface = TimelineSurface.of(canvas.getGraphicsContext2D());
        }
        renderer.draw(surface, model, palette, w, h);
        frames++;
    }

    // ---- hit testing ----

    /** The event under the lanes-area point {@code (x, y)}, or -1. Instants are hit within a few pixels. */
    public int eventAt(double x, double y) {
        Trace trace = model.getTrace();
        if (trace == null || x < renderer.headerWidth() || y < TimelineRenderer.RULER_HEIGHT) {
            return -1;
        }
        LaneLayout.Hit hit = model.getLayout().hit(renderer.contentY(y, model));
        if (hit == null || hit.lane() == null) {
            return -1;
        }
        double width = canvas.getWidth();
        long time = renderer.timeAt(x, model, width);
        long slack = Math.round(renderer.nsPerPixel(model, width) * (TimelineRenderer.INSTANT_HALF + 1));
        if (hit.lane().isCounter()) {
            return trace.lastEventStartingBy(hit.lane().track(), time);
        }
        return trace.lod().eventAt(hit.lane().track(), hit.depth(), time, slack);
    }

    /** The group whose header row is at lanes-area {@code y}, or null. */
    public LaneLayout.Group groupAt(double y) {
        if (y < TimelineRenderer.RULER_HEIGHT) {
            return null;
        }
        LaneLayout.Hit hit = model.getLayout().hit(renderer.contentY(y, model));
        return hit != null && hit.lane() == null ? hit.group() : null;
    }

    /**
     * Where event {@code e} is drawn, in lanes-area coordinates (the middle of its visible part), or null when its
     * group is collapsed or it is off screen. Tests click there.
     */
    public Point2D pointOf(int e) {
        Trace trace = model.getTrace();
        LaneLayout.Lane lane = model.getLayout().laneOf(trace.trackOf(e));
        if (lane == null) {
            return null;
        }
        double width = canvas.getWidth();
        double x0 = Math.max(renderer.headerWidth(), renderer.xOf(trace.start(e), model, width));
        double x1 = Math.min(width, renderer.xOf(trace.end(e), model, width));
        if (x1 < x0) {
            return null;
        }
        int depth = lane.isCounter() ? 0 : trace.depth(e);
        double y = renderer.laneTop(lane, depth, model) + LaneLayout.ROW_HEIGHT / 2;
        if (y < TimelineRenderer.RULER_HEIGHT || y > canvas.getHeight()) {
            return null;
        }
        return new Point2D((x0 + x1) / 2, y);
    }

    /** Where group {@code key}'s header row is, in lanes-area coordinates, or null. */
    public Point2D pointOfGroup(String key) {
        LaneLayout.Group g = model.getLayout().group(key);
        if (g == null) {
            return null;
        }
        return new Point2D(renderer.headerWidth() / 2, renderer.screenY(g.y(), model) + g.height() / 2);
    }

    private long anchorTime() {
        if (mouseX >= renderer.headerWidth()) {
            return renderer.timeAt(mouseX, model, canvas.getWidth());
        }
        return model.centre();
    }

    // ---- input ----

    private void onMouseMoved(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        int hit = eventAt(e.getX(), e.getY());
        model.hoveredEventProperty().set(hit);
        updateHoverCard(hit, e.getX(), e.getY());
    }

    private void updateHoverCard(int e, double x, double y) {
        Trace trace = model.getTrace();
        if (e < 0 || trace == null || dragging) {
            hoverCard.setVisible(false);
            return;
        }
        hoverName.setText(trace.name(e));
        String timing = "start " + TimeFormat.duration(trace.start(e) - trace.startTime());
        if (trace.kind(e) == EventKind.SLICE) {
            timing += "   duration " + TimeFormat.duration(trace.duration(e));
        } else if (trace.kind(e) == EventKind.COUNTER) {
            timing += "   value " + TimelineRenderer.compact(trace.counterValue(e));
        }
        hoverTiming.setText(timing);
        StringBuilder args = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Object> arg : trace.args(e).entrySet()) {
            if (shown++ == MAX_ARGS_IN_CARD) {
                args.append("\n…");
                break;
            }
            String value = String.valueOf(arg.getValue());
            if (value.length() > 80) {
                value = value.substring(0, 79) + "…";
            }
            args.append(args.length() == 0 ? "" : "\n").append(arg.getKey()).append(" = ").append(value);
        }
        hoverArgs.setText(args.toString());
        hoverArgs.setVisible(args.length() > 0);
        hoverArgs.setManaged(args.length() > 0);
        hoverCard.setVisible(true);
        hoverCard.applyCss();
        hoverCard.autosize();
        double w = hoverCard.getWidth();
        double h = hoverCard.getHeight();
        double cx = x + 14 + w > lanes.getWidth() ? x - 14 - w : x + 14;
        double cy = y + 18 + h > lanes.getHeight() ? y - 8 - h : y + 18;
        hoverCard.relocate(Math.max(0, cx), Math.max(0, cy));
    }

    private void onMousePressed(MouseEvent e) {
        lanes.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        pressViewStart = model.getViewStart();
        pressScrollY = model.getScrollY();
        dragging = false;
    }

    private void onMouseDragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        hoverCard.setVisible(false);
        long span = model.getViewSpan();
        long shift = Math.round((e.getX() - pressX) * renderer.nsPerPixel(model, canvas.getWidth()));
        model.followingProperty().set(false);
        model.setRange(pressViewStart - shift, pressViewStart - shift + span);
        model.setScrollY(pressScrollY - (e.getY() - pressY));
    }

    private void onMouseReleased(MouseEvent e) {
        if (dragging) {
            dragging = false;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        LaneLayout.Group group = groupAt(e.getY());
        if (group != null) {
            model.toggleGroup(group.key());
            return;
        }
        int hit = eventAt(e.getX(), e.getY());
        if (e.getClickCount() >= 2 && hit >= 0) {
            model.select(hit);
            model.zoomToEvent(hit);
        } else if (e.getY() >= TimelineRenderer.RULER_HEIGHT) {
            model.select(hit);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            double notches = e.getDeltaY() / WHEEL_NOTCH;
            if (notches != 0) {
                long anchor = e.getX() >= renderer.headerWidth() ? renderer.timeAt(e.getX(), model, canvas.getWidth())
                        : model.centre();
                model.zoom(Math.pow(TimelineViewModel.ZOOM_STEP, notches), anchor);
            }
        } else {
            if (e.getDeltaX() != 0) {
                model.panBy(Math.round(-e.getDeltaX() * renderer.nsPerPixel(model, canvas.getWidth())));
            }
            model.setScrollY(model.getScrollY() - e.getDeltaY());
        }
        e.consume();
    }

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent e) {
        if (FIND.match(e)) {
            searchField.requestFocus();
            searchField.selectAll();
            e.consume();
            return;
        }
        if (e.getTarget() == searchField || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            case W -> model.zoomIn(anchorTime());
            case S -> model.zoomOut(anchorTime());
            case A -> model.panLeft();
            case D -> model.panRight();
            case F, Z -> model.zoomToSelection();
            case ENTER -> {
                if (e.isShiftDown()) {
                    model.previousMatch();
                } else {
                    model.nextMatch();
                }
            }
            case ESCAPE -> model.clear();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void onSearchKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            if (e.isShiftDown()) {
                model.previousMatch();
            } else {
                model.nextMatch();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            model.clear();
            lanes.requestFocus();
            e.consume();
        }
    }

    /** The canvas area: resizes the canvas with itself and tells the model how tall the lanes are. */
    private final class LanesPane extends Pane {
        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            if (canvas.getWidth() != w || canvas.getHeight() != h) {
                canvas.setWidth(w);
                canvas.setHeight(h);
                model.viewportHeightProperty().set(Math.max(0, h - TimelineRenderer.RULER_HEIGHT));
                requestRedraw();
            }
            canvas.relocate(0, 0);
        }
    }
}
