package dev.porthole.app.console;

import dev.porthole.icons.FrameGate;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * The guest console: a toolbar (level toggles, library filter, regex filter, search, follow tail,
 * clear), the text, and a status line. Draws a {@link ConsoleViewModel}; holds no data of its own.
 *
 * <p>The text area only ever holds the lines of the viewport (a {@link ConsoleWindow}); the
 * scroll bar beside it ranges over all shown lines and drives the view model, so drawing costs
 * the same for 30 lines as for a million. Host timestamps sit in the paragraph gutter, outside the
 * text, so copying a selection copies only what the guest printed.
 *
 * <p>Keys: Ctrl+F search, Enter / Shift+Enter (in the search field) or F3 / Shift+F3 next/previous
 * occurrence, Escape clears the search; PageUp/PageDown, Up/Down and Ctrl+Home/Ctrl+End scroll.
 */
public final class ConsoleView extends BorderPane {
    // Node ids, for the app's tests and for TestFX lookups.
    public static final String ID_LEVEL_TOGGLE_PREFIX = "console-level-";
    public static final String ID_LIBRARY_FILTER = "console-library-filter";
    public static final String ID_REGEX_FILTER = "console-regex-filter";
    public static final String ID_SEARCH_FIELD = "console-search";
    public static final String ID_MATCH_COUNT = "console-match-count";
    public static final String ID_PREVIOUS_MATCH = "console-previous-match";
    public static final String ID_NEXT_MATCH = "console-next-match";
    public static final String ID_FOLLOW_TAIL = "console-follow-tail";
    public static final String ID_CLEAR = "console-clear";
    public static final String ID_TEXT_AREA = "console-text";
    public static final String ID_SCROLL_BAR = "console-scroll-bar";
    public static final String ID_STATUS = "console-status";
    public static final String ID_REGEX_ERROR = "console-regex-error";

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass(ConsoleStyles.INVALID_PSEUDO_CLASS);
    private static final String NO_LIBRARY_LABEL = "(no library)";
    private static final double DEFAULT_LINE_HEIGHT = 17;

    private final ConsoleViewModel viewModel;
    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final ScrollBar scrollBar = new ScrollBar();
    private final CheckComboBox<String> libraryFilter = new CheckComboBox<>();
    private final Map<LogLevel, ToggleButton> levelToggles = new EnumMap<>(LogLevel.class);
    private final TextField searchField = TextFields.createClearableTextField();
    private final HBox toolbar;
    private final Region spacer = spacer();
    /** The toolbar's parts not made yet: see {@link #withToolbarInSteps}. */
    private final Deque<Runnable> toolbarToCome = new ArrayDeque<>();
    private ConsoleWindow drawn = ConsoleWindow.EMPTY;
    /** True while a draw waits for its frame ({@link FrameGate}): windows that come meanwhile are drawn by it. */
    private boolean drawWaiting;
    private double lineHeight = DEFAULT_LINE_HEIGHT;
    private double wheelRows;
    private boolean syncingScrollBar;
    private boolean syncingLibraries;

    /** The console whole, toolbar and all. */
    public ConsoleView(ConsoleViewModel viewModel) {
        this(viewModel, false);
    }

    /**
     * The console with its text and status line only: {@link #addNextToolbarPart} makes and adds its toolbar's
     * {@value #TOOLBAR_PARTS} parts, one a call.
     */
    public static ConsoleView withToolbarInSteps(ConsoleViewModel viewModel) {
        return new ConsoleView(viewModel, true);
    }

    private ConsoleView(ConsoleViewModel viewModel, boolean toolbarInSteps) {
        this.viewModel = viewModel;
        getStyleClass().add(ConsoleStyles.VIEW);
        getStylesheets().addAll(ConsoleStyles.stylesheetUrl(ConsoleStyles.STYLESHEET),
                ConsoleStyles.stylesheetUrl(ConsoleStyles.ANSI_256_STYLESHEET));
        toolbar = new HBox();
        toolbar.getStyleClass().add(ConsoleStyles.TOOLBAR);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        if (toolbarInSteps) {
            toolbarParts().forEach(part -> toolbarToCome.add(() -> addToToolbar(part.get())));
        } else {
            toolbarParts().forEach(part -> addToToolbar(part.get()));
        }
        setCenter(textPane());
        setBottom(statusBar());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        viewModel.windowProperty().addListener((o, was, window) -> drawInAFrameOfItsOwn());
        draw(viewModel.windowProperty().get());
    }

    /**
     * For a console made {@link #withToolbarInSteps}: makes and adds the toolbar's next part ({@link #toolbarParts}),
     * for a step of its own; false once the toolbar is whole. The workbench makes its console so: the console is the
     * first panel its window shows, and making its dozen controls and styling them for the first time, with the
     * text, in one frame held the FX thread for 80-130 ms.
     */
    public boolean addNextToolbarPart() {
        Runnable part = toolbarToCome.poll();
        if (part != null) {
            part.run();
        }
        return !toolbarToCome.isEmpty();
    }

    public ConsoleViewModel getViewModel() {
        return viewModel;
    }

    // ================================================================ toolbar

    /** How many parts {@link #toolbarParts} has. */
    public static final int TOOLBAR_PARTS = 4;

    /**
     * The toolbar's {@value #TOOLBAR_PARTS} parts, left to right, each made when asked for: the level toggles; the library and regex filters;
     * the search field and its buttons; follow-tail and clear.
     */
    private List<Supplier<List<Node>>> toolbarParts() {
        return List.of(
                () -> {
                    SegmentedButton levels = new SegmentedButton();
                    for (LogLevel level : LogLevel.values()) {
                        levels.getButtons().add(createLevelToggle(level));
                    }
                    levels.setToggleGroup(null); // several levels at once
                    levels.setMinWidth(Region.USE_PREF_SIZE);
                    return List.of(levels);
                },
                () -> List.of(libraryFilter(), regexField()),
                () -> List.of(spacer, searchField(), matchCount(),
                        searchButton(ID_PREVIOUS_MATCH, Icon.FIND_PREVIOUS, "Previous occurrence (Shift+Enter, Shift+F3)", viewModel::previousMatch),
                        searchButton(ID_NEXT_MATCH, Icon.FIND_NEXT, "Next occurrence (Enter, F3)", viewModel::nextMatch)),
                () -> List.of(followToggle(), clearButton()));
    }

    private void addToToolbar(List<Node> controls) {
        // Buttons keep their labels; when the console is narrow, the two text fields give up width.
        for (Node child : controls) {
            if (child instanceof Region region && !(child instanceof TextField) && !(child instanceof SegmentedButton)) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        toolbar.getChildren().addAll(controls);
        if (getTop() == null) {
            setTop(toolbar);
        }
    }

    private ToggleButton createLevelToggle(LogLevel level) {
        Region dot = new Region();
        dot.getStyleClass().add(ConsoleStyles.GUTTER_MARK);
        ToggleButton toggle = new ToggleButton(level.label(), dot);
        toggle.setId(ID_LEVEL_TOGGLE_PREFIX + level.name().toLowerCase(Locale.ROOT));
        toggle.getStyleClass().addAll(ConsoleStyles.LEVEL_TOGGLE, level.styleClass());
        toggle.selectedProperty().bindBidirectional(viewModel.levelShownProperty(level));
        toggle.textProperty().bind(Bindings.createStringBinding(
                () -> level.label() + " " + compactCount(viewModel.levelCountProperty(level).get()),
                viewModel.levelCountProperty(level)));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%s lines: %,d kept. Click to %s them.", level.label(),
                        viewModel.levelCountProperty(level).get(), toggle.isSelected() ? "hide" : "show"),
                viewModel.levelCountProperty(level), toggle.selectedProperty()));
        toggle.setTooltip(tip);
        levelToggles.put(level, toggle);
        return toggle;
    }

    private Node libraryFilter() {
        libraryFilter.setId(ID_LIBRARY_FILTER);
        libraryFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String library) {
                return library == null ? "" : library.isEmpty() ? NO_LIBRARY_LABEL : library;
            }

            @Override
            public String fromString(String label) {
                return NO_LIBRARY_LABEL.equals(label) ? "" : label;
            }
        });
        libraryFilter.titleProperty().bind(Bindings.createStringBinding(
                () -> viewModel.getHiddenLibraries().isEmpty() ? "All libraries"
                        : viewModel.getHiddenLibraries().size() + " of " + libraryFilter.getItems().size() + " libraries hidden",
                viewModel.getHiddenLibraries(), libraryFilter.getItems()));
        libraryFilter.setTooltip(new Tooltip("Show lines of these libraries (Unikraft [libname], kernel subsystem: tag)"));
        // Items only ever grow at the end (libraries in order of first appearance), which keeps
        // CheckComboBox's index-based check model valid.
        viewModel.getLibraries().addListener((ListChangeListener<String>) change -> syncLibraryItems());
        libraryFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> librariesChecked());
        syncLibraryItems();
        return libraryFilter;
    }

    private void syncLibraryItems() {
        syncingLibraries = true;
        try {
            List<String> all = viewModel.getLibraries();
            for (int i = libraryFilter.getItems().size(); i < all.size(); i++) {
                String library = all.get(i);
                libraryFilter.getItems().add(library);
                if (!viewModel.getHiddenLibraries().contains(library)) {
                    libraryFilter.getCheckModel().check(library);
                }
            }
        } finally {
            syncingLibraries = false;
        }
    }

    private void librariesChecked() {
        if (syncingLibraries) {
            return;
        }
        TreeSet<String> hidden = new TreeSet<>(libraryFilter.getItems());
        hidden.removeAll(libraryFilter.getCheckModel().getCheckedItems());
        if (!hidden.equals(new TreeSet<>(viewModel.getHiddenLibraries()))) {
            viewModel.getHiddenLibraries().retainAll(hidden);
            viewModel.getHiddenLibraries().addAll(hidden);
        }
    }

    private Node regexField() {
        CustomTextField field = (CustomTextField) TextFields.createClearableTextField();
        field.setId(ID_REGEX_FILTER);
        field.getStyleClass().add(ConsoleStyles.FILTER_FIELD);
        field.setLeft(Icons.node(Icon.FILTER));
        field.setPromptText("Filter lines (regex)");
        field.setPrefColumnCount(14);
        field.setMinWidth(90);
        field.textProperty().bindBidirectional(viewModel.regexFilterProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.regexErrorProperty().get().isEmpty()
                ? "Show only lines containing a match of this Java regular expression (case-insensitive unless it has a capital)"
                : viewModel.regexErrorProperty().get(), viewModel.regexErrorProperty()));
        field.setTooltip(tip);
        viewModel.regexErrorProperty().addListener((o, was, error) -> field.pseudoClassStateChanged(INVALID, !error.isEmpty()));
        return field;
    }

    private Node searchField() {
        CustomTextField field = (CustomTextField) searchField;
        field.setId(ID_SEARCH_FIELD);
        field.getStyleClass().add(ConsoleStyles.SEARCH_FIELD);
        field.setLeft(Icons.node(Icon.SEARCH));
        field.setPromptText("Search (Ctrl+F)");
        field.setPrefColumnCount(12);
        field.setMinWidth(90);
        field.textProperty().bindBidirectional(viewModel.searchTextProperty());
        field.setTooltip(new Tooltip("Find text in the shown lines (case-insensitive unless it has a capital)."
                + " Enter: next, Shift+Enter: previous, Escape: clear"));
        field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    viewModel.previousMatch();
                } else {
                    viewModel.nextMatch();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                field.clear();
                area.requestFocus();
                event.consume();
            }
        });
        return field;
    }

    private Node matchCount() {
        Label count = new Label();
        count.setId(ID_MATCH_COUNT);
        count.getStyleClass().add(ConsoleStyles.MATCH_COUNT);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.searchTextProperty().get().isEmpty()) {
                return "";
            }
            int total = viewModel.matchCountProperty().get();
            if (total == 0) {
                return "No matches";
            }
            String of = String.format(Locale.ROOT, "%,d%s", total, viewModel.matchesTruncatedProperty().get() ? "+" : "");
            int current = viewModel.currentMatchNumberProperty().get();
            return current == 0 ? of + " matches" : String.format(Locale.ROOT, "%,d/%s", current, of);
        }, viewModel.searchTextProperty(), viewModel.matchCountProperty(), viewModel.matchesTruncatedProperty(),
                viewModel.currentMatchNumberProperty()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        return count;
    }

    private Button searchButton(String id, Icon icon, String tip, Runnable action) {
        Button button = new Button(null, Icons.node(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        button.disableProperty().bind(viewModel.matchCountProperty().isEqualTo(0));
        button.setFocusTraversable(false);
        return button;
    }

    private Node followToggle() {
        ToggleButton follow = new ToggleButton("Follow", Icons.node(Icon.FOLLOW_TAIL));
        follow.setId(ID_FOLLOW_TAIL);
        follow.selectedProperty().bindBidirectional(viewModel.followTailProperty());
        follow.setTooltip(new Tooltip("Follow the newest lines. Scrolling up pauses; scrolling to the bottom resumes."));
        follow.setFocusTraversable(false);
        return follow;
    }

    private Node clearButton() {
        Button clear = new Button(null, Icons.node(Icon.CLEAR));
        clear.setId(ID_CLEAR);
        clear.setTooltip(new Tooltip("Clear the console"));
        clear.setOnAction(event -> viewModel.clear());
        clear.setFocusTraversable(false);
        return clear;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    // ================================================================ text and scrolling

    private Node textPane() {
        area.setId(ID_TEXT_AREA);
        area.getStyleClass().add(ConsoleStyles.TEXT_AREA);
        area.setEditable(false);
        area.setWrapText(false);
        area.setAutoScrollOnDragDesired(false); // the area holds only the viewport; dragging must not scroll it
        area.setUseInitialStyleForInsertion(true);
        area.setUndoManager(org.fxmisc.richtext.util.UndoUtils.noOpUndoManager());
        // One factory for good: a new one makes the area build every visible row's gutter again.
        area.setParagraphGraphicFactory(this::gutterOf);
        area.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onAreaKey);
        area.heightProperty().addListener((o, was, is) -> requestLayout());

        VirtualizedScrollPane<StyleClassedTextArea> pane = new VirtualizedScrollPane<>(area,
                ScrollPane.ScrollBarPolicy.AS_NEEDED, ScrollPane.ScrollBarPolicy.NEVER);
        HBox.setHgrow(pane, Priority.ALWAYS);

        scrollBar.setId(ID_SCROLL_BAR);
        scrollBar.getStyleClass().add(ConsoleStyles.SCROLL_BAR);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setMin(0);
        scrollBar.setUnitIncrement(1);
        scrollBar.maxProperty().bind(viewModel.maxTopLineProperty());
        scrollBar.disableProperty().bind(viewModel.maxTopLineProperty().isEqualTo(0));
        viewModel.topLineProperty().addListener((o, was, top) -> syncScrollBar());
        viewModel.maxTopLineProperty().addListener((o, was, max) -> syncScrollBar());
        scrollBar.valueProperty().addListener((o, was, value) -> {
            if (!syncingScrollBar) {
                viewModel.scrollTo(Math.round(value.doubleValue()));
            }
        });
        HBox box = new HBox(pane, scrollBar);
        return box;
    }

    private void syncScrollBar() {
        syncingScrollBar = true;
        try {
            // Thumb length / track length = visible rows / shown lines, and shown = maxTop + rows.
            long maxTop = viewModel.maxTopLineProperty().get();
            int rows = viewModel.getViewportRows();
            scrollBar.setVisibleAmount(maxTop == 0 ? 1 : Math.max(maxTop / 200.0, (double) maxTop * rows / (maxTop + rows)));
            scrollBar.setBlockIncrement(Math.max(1, viewModel.getViewportRows() - 1));
            scrollBar.setValue(viewModel.topLineProperty().get());
        } finally {
            syncingScrollBar = false;
        }
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return; // horizontal: let the scroll pane move sideways
        }
        if (event.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.LINES) {
            wheelRows -= event.getTextDeltaY(); // a mouse wheel: the platform's lines per notch
        } else if (event.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.PAGES) {
            wheelRows -= event.getTextDeltaY() * viewModel.getViewportRows();
        } else {
            wheelRows -= event.getDeltaY() / lineHeight; // a trackpad: pixels
        }
        long rows = (long) wheelRows;
        if (rows == 0) {
            rows = wheelRows < 0 ? -1 : 1; // a small step still moves one row
            wheelRows = 0;
        } else {
            wheelRows -= rows;
        }
        viewModel.scrollBy(rows);
        event.consume();
    }

    private void onAreaKey(KeyEvent event) {
        int page = Math.max(1, viewModel.getViewportRows() - 1);
        switch (event.getCode()) {
            case PAGE_UP -> viewModel.scrollBy(-page);
            case PAGE_DOWN -> viewModel.scrollBy(page);
            case UP -> viewModel.scrollBy(-1);
            case DOWN -> viewModel.scrollBy(1);
            case HOME -> {
                if (!event.isShortcutDown()) {
                    return;
                }
                viewModel.scrollToStart();
            }
            case END -> {
                if (!event.isShortcutDown()) {
                    return;
                }
                viewModel.scrollToEnd();
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent event) {
        if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
            event.consume();
        } else if (event.getCode() == KeyCode.F3) {
            if (event.isShiftDown()) {
                viewModel.previousMatch();
            } else {
                viewModel.nextMatch();
            }
            event.consume();
        }
    }

    /** Measures the row pitch from the drawn paragraphs and tells the view model how many rows fit. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        area.layout(); // lay the cells out now, so the paragraph bounds below are this pass's
        int visible = area.getVisibleParagraphs().size();
        if (visible >= 2) {
            // The pitch, not a cell's height: RichTextFX's cells overlap by their negative padding.
            double pitch = area.getVisibleParagraphBoundsOnScreen(1).getMinY() - area.getVisibleParagraphBoundsOnScreen(0).getMinY();
            if (pitch > 2) {
                lineHeight = pitch;
            }
        } else if (visible == 1) {
            double height = area.getVisibleParagraphBoundsOnScreen(0).getHeight();
            if (height > 2) {
                lineHeight = height;
            }
        }
        double viewport = area.getViewportHeight();
        if (viewport > 0) {
            viewModel.setViewportRows((int) Math.floor(viewport / lineHeight));
        }
    }

    // ================================================================ drawing

    /**
     * Draws the newest window in a frame with no other view's new nodes: a guest's output and its stop at a
     * breakpoint come together, and the new lines and the stopped file's tab made one long pulse.
     */
    private void drawInAFrameOfItsOwn() {
        if (drawWaiting) {
            return;
        }
        drawWaiting = true;
        FrameGate.run(this, () -> {
            drawWaiting = false;
            draw(viewModel.windowProperty().get());
        });
    }

    private void draw(ConsoleWindow window) {
        List<ConsoleLine> before = drawn.lines();
        drawn = window;
        syncScrollBar();
        List<ConsoleLine> lines = window.lines();
        if (lines.isEmpty()) {
            area.clear();
            return;
        }
        if (!scrolledBy(before, lines)) {
            area.replace(0, area.getLength(), document(lines, false));
        }
        for (int i = 0; i < lines.size(); i++) {
            // replace() merges the new first paragraph into the old one, keeping the old style.
            List<String> style = List.of(ConsoleStyles.LINE, lines.get(i).level().styleClass());
            if (!style.equals(area.getParagraph(i).getParagraphStyle())) {
                area.setParagraphStyle(i, style);
            }
        }
        selectCurrentMatch(lines);
        if (window.atEnd() && lines.size() >= window.rows()) {
            area.showParagraphAtBottom(lines.size() - 1);
        } else {
            area.showParagraphAtTop(0);
        }
    }

    /**
     * Draws the window by edits at its ends when it is the one drawn before moved on: lines gone off the top, new
     * lines at the bottom, as when following a guest's output. The lines in between keep their paragraphs, and so
     * their cells: replacing all the text made every visible row again (its text nodes, gutter and styling) for
     * each batch of output. Returns false, having changed nothing, when the window is not such a move.
     */
    private boolean scrolledBy(List<ConsoleLine> before, List<ConsoleLine> after) {
        if (before.isEmpty() || area.getParagraphs().size() != before.size()) {
            return false;
        }
        int gone = -1;
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).seq() == after.get(0).seq()) {
                gone = i;
                break;
            }
        }
        int kept = gone < 0 ? 0 : before.size() - gone;
        if (kept == 0 || kept > after.size()) {
            return false;
        }
        for (int i = 0; i < kept; i++) {
            if (!looksTheSame(before.get(gone + i), after.get(i))) {
                return false;
            }
        }
        if (kept < after.size()) {
            area.insert(area.getLength(), document(after.subList(kept, after.size()), true));
        }
        if (gone > 0) {
            area.deleteText(0, area.getAbsolutePosition(gone, 0));
        }
        return true;
    }

    /** Whether a line would be drawn as before: the same line, with the same search marks. */
    private static boolean looksTheSame(ConsoleLine a, ConsoleLine b) {
        return a.seq() == b.seq() && a.text().equals(b.text()) && a.level() == b.level()
                && a.currentMatchFrom() == b.currentMatchFrom() && a.currentMatchTo() == b.currentMatchTo()
                && java.util.Arrays.equals(a.matches(), b.matches()) && java.util.Arrays.equals(a.styleRuns(), b.styleRuns());
    }

    /** The lines as paragraphs; after an empty one when they go after the area's last paragraph. */
    private static StyledDocument<Collection<String>, String, Collection<String>> document(List<ConsoleLine> lines, boolean afterLast) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> document =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of());
        if (afterLast) {
            document.addParagraph(List.of(new StyledSegment<>("", List.<String>of())), List.of());
        }
        for (ConsoleLine line : lines) {
            document.addParagraph(ConsoleLineStyler.segments(line), List.of(ConsoleStyles.LINE, line.level().styleClass()));
        }
        return document.build();
    }

    private void selectCurrentMatch(List<ConsoleLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            ConsoleLine line = lines.get(i);
            if (line.currentMatchFrom() >= 0) {
                area.selectRange(i, line.currentMatchFrom(), i, line.currentMatchTo());
                return;
            }
        }
        area.selectRange(0, 0);
    }

    /** The gutter of a paragraph: the drawn window's line of that row. */
    private Node gutterOf(int paragraph) {
        List<ConsoleLine> lines = drawn.lines();
        return paragraph < lines.size() ? gutter(lines.get(paragraph)) : null;
    }

    /** A level mark and the timestamp: plain Text and Region, no skinned controls, since every row gets one. */
    private static Node gutter(ConsoleLine line) {
        Region mark = new Region();
        mark.getStyleClass().add(ConsoleStyles.GUTTER_MARK);
        Text time = new Text(formatSeconds(line.seconds()));
        time.getStyleClass().add(ConsoleStyles.TIMESTAMP);
        HBox gutter = new HBox(mark, time);
        gutter.getStyleClass().addAll(ConsoleStyles.GUTTER, line.level().styleClass());
        return gutter;
    }

    /** Seconds since the run's start, millisecond precision, right-aligned in a fixed width. */
    static String formatSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return " ".repeat(9);
        }
        return String.format(Locale.ROOT, "%9.3f", seconds);
    }

    private static String compactCount(long count) {
        if (count < 10_000) {
            return Long.toString(count);
        }
        if (count < 1_000_000) {
            return (count / 1000) + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", count / 1e6);
    }

    // ================================================================ status line

    private Node statusBar() {
        Label counts = new Label();
        counts.setId(ID_STATUS);
        counts.textProperty().bind(Bindings.createStringBinding(this::statusText,
                viewModel.retainedLinesProperty(), viewModel.shownLinesProperty(), viewModel.droppedLinesProperty(),
                viewModel.filteringProperty(), viewModel.followTailProperty()));
        Label error = new Label();
        error.setId(ID_REGEX_ERROR);
        error.getStyleClass().add(ConsoleStyles.STATUS_ERROR);
        error.textProperty().bind(viewModel.regexErrorProperty());
        HBox status = new HBox(counts, spacer(), error);
        status.getStyleClass().add(ConsoleStyles.STATUS_BAR);
        return status;
    }

    private String statusText() {
        List<String> parts = new ArrayList<>();
        long retained = viewModel.retainedLinesProperty().get();
        long shown = viewModel.shownLinesProperty().get();
        parts.add(String.format(Locale.ROOT, "%,d lines", retained));
        if (shown != retained) {
            parts.add(String.format(Locale.ROOT, "%,d shown", shown));
        }
        long dropped = viewModel.droppedLinesProperty().get();
        if (dropped > 0) {
            parts.add(String.format(Locale.ROOT, "%,d oldest dropped (keeps %,d)", dropped, viewModel.getMaxLines()));
        }
        if (viewModel.filteringProperty().get()) {
            parts.add("filtering\u2026");
        }
        if (!viewModel.followTailProperty().get()) {
            parts.add("paused (scroll to the bottom to follow)");
        }
        return String.join("  \u00b7  ", parts);
    }

    /** The window currently drawn (for tests). */
    ConsoleWindow drawnWindow() {
        return drawn;
    }

    /** The text area (for tests: what the screen shows). */
    /** The area showing the visible rows: what a person reads, for the app's own tests. */
    public StyleClassedTextArea textArea() {
        return area;
    }

    ToggleButton levelToggle(LogLevel level) {
        return levelToggles.get(level);
    }
}
