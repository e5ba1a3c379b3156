package dev.porthole.app.editor;

import dev.porthole.icons.FrameGate;
import dev.porthole.icons.UnfoldingPane;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * The contents of one editor tab: a code area with the breakpoint gutter, highlighting kept up to date in the
 * background, the stopped line marked, variable values on hover while stopped, and the find / go-to-line bar.
 */
final class SourceEditorPane extends BorderPane {
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination GO_TO_LINE = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_BREAKPOINT = new KeyCodeCombination(KeyCode.F9);
    /** Lines kept visible above and below the stopped line before the editor scrolls to it. */
    private static final int CONTEXT_LINES = 3;
    /** How long the mouse rests on a word before its value is asked for. */
    static final Duration HOVER_DELAY = Duration.ofMillis(400);
    /** Lines put into a new area per frame while they land on screen (see {@link #pieces}). */
    static final int LINES_PER_FRAME = 12;
    /**
     * The first frames' lines, fewer: they are the first lines drawn, which in the window's first file runs their
     * code for the first time. The first file's first dozen lines made one frame of 90 ms of layout alone
     * (-Djavafx.pulseLogger, ScreenshotTour); after 4 and 8 lines, the next 12 still took 52-79 ms of pulse (8
     * tours); with 6 and 8 before the twelves, the largest piece took 43-61 ms (4 tours; a pulse probe).
     */
    private static final int[] FIRST_PIECES = {4, 6, 8};
    /** Lines that go in {@link #LINES_PER_FRAME} at a time, at most: more than any window shows at once. */
    private static final int PAGED_LINES = 240;
    /** Typing pauses this long before the text is highlighted again. */
    private static final Duration HIGHLIGHT_PAUSE = Duration.ofMillis(150);

    private final SourceDocument document;
    private final EditorViewModel viewModel;
    private final CodeArea area = new CodeArea();
    /** Holds the area, and unfolds it over a few frames when it jumps to a page of lines it has not shown. */
    private final UnfoldingPane viewport = new UnfoldingPane();
    /** Made when first opened: most tabs are never searched, and a hidden bar still costs each new tab its styling. */
    private SearchBar searchBar;
    /**
     * Made on the first hover: a popup makes a scene of its own and styles its root, which every new tab paid for
     * in the task that opened it (a debugger stop in another file), whether the value was ever hovered or not.
     */
    private Popup hoverPopup;
    private final Label hoverLabel = new Label();
    /** Paragraph that carries the current-line style, or -1. */
    private int styledCurrentParagraph = -1;
    /** True while the view itself fills the area, so the fill does not count as an edit. */
    private boolean filling;
    /** True once the file's text is in the area. */
    private boolean filled;
    /** A 1-based line to put the caret on once the text is in, or 0. */
    private int pendingReveal;
    private int gutterDigits = 2;
    private BreakpointGutter gutter;
    private long hoverRequest;
    /** Counts edits, so a save that finishes after more typing leaves the tab marked modified. */
    private long edits;
    /** Set by an edit, cleared when a re-highlight is asked for: the fill itself needs none. */
    private boolean editedSinceHighlight;

    SourceEditorPane(SourceDocument document, EditorViewModel viewModel) {
        this.document = document;
        this.viewModel = viewModel;
        area.getStyleClass().add(EditorStyle.CODE_AREA);
        area.setEditable(false); // until the text has arrived
        rebuildGutter();
        viewport.show(new VirtualizedScrollPane<>(area), false);
        setCenter(viewport);

        showWhenLoaded();
        watchEdits();
        watchBreakpointsAndExecutionPoint();
        installHover();
        installKeys();
    }

    SourceDocument document() {
        return document;
    }

    CodeArea codeArea() {
        return area;
    }

    private void showWhenLoaded() {
        Label loading = new Label("Loading " + document.fileName() + "…");
        loading.getStyleClass().add(EditorStyle.PLACEHOLDER);
        area.setPlaceholder(loading);
        if (document.loadedProperty().get() != null) {
            fillOnceShown(document.loadedProperty().get());
        } else {
            document.loadedProperty().addListener((obs, old, loaded) -> fillOnceShown(loaded));
        }
        document.failureProperty().addListener((obs, old, reason) -> {
            Label failed = new Label(reason);
            failed.setWrapText(true);
            failed.getStyleClass().add(EditorStyle.PLACEHOLDER);
            area.setPlaceholder(failed);
        });
    }

    /**
     * Puts the text in after the task that made the editor or loaded the file, once the editor is laid out. The
     * caller may yet say which line to show (a stop, "go to line"), which decides how the text goes in; a small file
     * loads so fast that its text arrives inside the call that opens it. And made and put on screen in one go, the
     * editor's area would make its first lines' nodes there and then, with the tab and the area, in the task that
     * opens the file: one block of up to 110 ms on the FX thread when the workspace arrived. An editor not on screen
     * (a tab behind another) gets its text at once.
     */
    private void fillOnceShown(SourceDocument.LoadedText loaded) {
        Platform.runLater(() -> {
            Scene scene = area.getScene();
            if (FrameGate.isShown(scene) && viewport.getHeight() == 0) {
                FrameGate.runAfterNextFrame(scene, () -> fill(loaded));
            } else {
                FrameGate.run(scene, () -> fill(loaded)); // at once when off screen
            }
        });
    }

    private void fill(SourceDocument.LoadedText loaded) {
        int target = revealTarget();
        if (target >= 0 && !onFirstPage(target) && viewport.fold()) {
            // Shown from the top, the file's first lines would come a few a frame only to scroll away to the target.
            // Folded, the text goes in with no line drawn, and filled() unfolds the page around the target.
            List<StyledDocument<Collection<String>, String, Collection<String>>> chunks = loaded.chunks();
            putFirst(chunks.get(0));
            if (chunks.size() > 1) {
                fillRest(chunks, 1);
            } else {
                filled();
            }
            return;
        }
        fillFrom(pieces(loaded.chunks()), 0);
    }

    /** The paragraph the editor shows once its text is in: a line to reveal, or the stopped line; -1 for none. */
    private int revealTarget() {
        if (pendingReveal > 0) {
            return pendingReveal - 1;
        }
        return viewModel.executionPointProperty().get()
                .filter(p -> p.file().equals(document.path()))
                .map(p -> p.line() - 1)
                .orElse(-1);
    }

    /** Whether a paragraph shows, with its context below it, on the first page of the file. */
    private boolean onFirstPage(int paragraph) {
        return paragraph + CONTEXT_LINES < linesOnScreen();
    }

    /** How many lines the editor shows when unfolded (0 before it is laid out). */
    private int linesOnScreen() {
        return (int) (viewport.getHeight() / lineHeight());
    }

    /** The height of one line, as last laid out in any editor. */
    private double lineHeight() {
        // Measured on screen only: an area out of the window (a tab behind another) has no screen bounds.
        if (area.getScene() != null && area.getScene().getWindow() != null && !area.isNeedsLayout()
                && !area.getVisibleParagraphs().isEmpty()) {
            double height = area.getVisibleParagraphBoundsOnScreen(0).getHeight();
            if (height > 0) {
                knownLineHeight = height;
            }
        }
        return knownLineHeight;
    }

    /** Measured from the first editor laid out; until then, the line height of the default theme. */
    private static double knownLineHeight = 18;

    /**
     * The text in the order it goes in: the file's first lines a few at a time ({@link #FIRST_PIECES}, then
     * {@value #LINES_PER_FRAME}), then chunks of {@value SourceDocument.LoadedText#CHUNK_LINES}. Each line that lands
     * on screen is a paragraph node made and styled in the next layout; a whole page of them in one frame, the first a
     * window shows, held the FX thread for 80-160 ms (ScreenshotTour).
     */
    private static List<StyledDocument<Collection<String>, String, Collection<String>>> pieces(
            List<StyledDocument<Collection<String>, String, Collection<String>>> chunks) {
        List<StyledDocument<Collection<String>, String, Collection<String>>> pieces = new java.util.ArrayList<>();
        StyledDocument<Collection<String>, String, Collection<String>> first = chunks.get(0);
        int paragraphs = first.getParagraphs().size();
        int from = 0;
        int line = 0;
        for (int piece = 0; ; piece++) {
            line += piece < FIRST_PIECES.length ? FIRST_PIECES[piece] : LINES_PER_FRAME;
            if (line >= Math.min(paragraphs, PAGED_LINES)) {
                break;
            }
            int to = first.getAbsolutePosition(line, 0);
            pieces.add(first.subSequence(from, to));
            from = to;
        }
        pieces.add(from == 0 ? first : first.subSequence(from, first.length()));
        pieces.addAll(chunks.subList(1, chunks.size()));
        return pieces;
    }

    /**
     * Puts one piece into the area, then the next: after the next frame while the text still ends on screen (its new
     * lines are drawn a few at a time), else in a task of its own, so frames keep coming while a big file arrives.
     */
    private void fillFrom(List<StyledDocument<Collection<String>, String, Collection<String>>> pieces, int index) {
        if (index == 0) {
            putFirst(pieces.get(0));
            area.showParagraphAtTop(0);
        } else {
            filling = true;
            try {
                append(pieces.get(index));
            } finally {
                filling = false;
            }
        }
        if (index + 1 < pieces.size()) {
            Scene scene = area.getScene();
            if (FrameGate.isShown(scene)) {
                // Each piece in a frame of its own, which it shares with no other view's new nodes (FrameGate).
                FrameGate.run(scene, () -> {
                    if (endsOnScreen()) {
                        fillFrom(pieces, index + 1);
                    } else {
                        fillRest(pieces, index + 1);
                    }
                });
            } else {
                Platform.runLater(() -> fillFrom(pieces, index + 1));
            }
            return;
        }
        filled();
    }

    /**
     * The page is full: the rest goes in off screen, about a chunk of lines per task. The first chunk's small pieces
     * left over join up in one task: drawn nowhere, they need no frames between them.
     */
    private void fillRest(List<StyledDocument<Collection<String>, String, Collection<String>>> pieces, int index) {
        int next = index;
        int lines = 0;
        filling = true;
        try {
            while (next < pieces.size() && lines < SourceDocument.LoadedText.CHUNK_LINES) {
                lines += pieces.get(next).getParagraphs().size();
                append(pieces.get(next++));
            }
        } finally {
            filling = false;
        }
        if (next < pieces.size()) {
            int from = next;
            Platform.runLater(() -> fillRest(pieces, from));
            return;
        }
        filled();
    }

    private void filled() {
        area.getUndoManager().forgetHistory();
        area.setEditable(true);
        filled = true;
        showExecutionPoint(); // also rebuilds the gutter, now that the line count is final
        if (pendingReveal > 0) {
            revealLine(pendingReveal);
        }
        if (viewport.isFolded()) {
            // Folded for a target that is gone (the guest ran on): show the top. (After a jump, this starts its
            // unfolding over, in the same frame.)
            viewport.unfold();
        }
    }

    /** Replaces the area's text with the first piece, the caret at its start. */
    private void putFirst(StyledDocument<Collection<String>, String, Collection<String>> piece) {
        filling = true;
        try {
            area.replace(0, area.getLength(), piece);
            area.moveTo(0);
        } finally {
            filling = false;
        }
    }

    /** Adds a piece at the end, leaving the caret where it was (an insert moves it to its end, and the view after it). */
    private void append(StyledDocument<Collection<String>, String, Collection<String>> piece) {
        int caret = area.getCaretPosition();
        area.insert(area.getLength(), piece);
        area.moveTo(caret);
    }

    /** Whether the last line in the area is on screen (or the area not laid out yet): more text would show. */
    private boolean endsOnScreen() {
        if (area.getVisibleParagraphs().isEmpty()) {
            return true;
        }
        return area.lastVisibleParToAllParIndex() >= area.getParagraphs().size() - 1;
    }

    private void watchEdits() {
        area.multiPlainChanges().subscribe(changes -> {
            if (!filling) {
                edits++;
                editedSinceHighlight = true;
                document.markEdited();
            }
            if (BreakpointGutter.digits(area.getParagraphs().size()) != gutterDigits) {
                rebuildGutter();
            }
        });
        area.plainTextChanges().subscribe(change -> {
            if (!filling) {
                moveBreakpointsWith(change);
            }
        });
        area.multiPlainChanges().successionEnds(HIGHLIGHT_PAUSE).subscribe(changes -> {
            if (editedSinceHighlight) {
                editedSinceHighlight = false;
                viewModel.highlight(document, area.getText());
            }
        });
        document.highlightingProperty().addListener((obs, old, spans) -> applyHighlighting(spans));
    }

    /**
     * Breakpoints follow their text. A change that starts at column 0 of line F replaces whole lines from F on; one
     * that starts inside line F leaves F where it is and replaces lines from F+1.
     */
    private void moveBreakpointsWith(PlainTextChange change) {
        int removed = lineBreaks(change.getRemoved());
        int inserted = lineBreaks(change.getInserted());
        if (removed == 0 && inserted == 0) {
            return;
        }
        TwoDimensional.Position start = area.offsetToPosition(change.getPosition(), TwoDimensional.Bias.Forward);
        int firstLine = start.getMajor() + 1 + (start.getMinor() == 0 ? 0 : 1);
        viewModel.breakpoints().linesReplaced(document.path(), firstLine, removed, inserted);
    }

    private static int lineBreaks(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    /** Applies a background pass, unless the text changed length since (a newer pass is coming then). */
    private void applyHighlighting(HighlightUpdate update) {
        if (update == null || update.full().length() != area.getLength()) {
            return;
        }
        if (!update.isEmpty()) {
            area.setStyleSpans(update.from(), update.changed());
        }
        document.highlightingShown(update.full());
    }

    private void watchBreakpointsAndExecutionPoint() {
        viewModel.breakpoints().breakpoints().addListener((ListChangeListener<SourceBreakpoint>) change -> {
            boolean mine = false;
            while (change.next()) {
                mine |= change.getRemoved().stream().anyMatch(b -> b.file().equals(document.path()))
                        || change.getAddedSubList().stream().anyMatch(b -> b.file().equals(document.path()));
            }
            if (mine) {
                refreshGutter();
            }
        });
        viewModel.executionPointProperty().addListener((obs, old, point) -> showExecutionPoint());
    }

    /**
     * Gutter nodes are made per visible paragraph; a new factory makes the area rebuild the visible ones, which only a
     * change in the width of the line numbers needs.
     */
    private void rebuildGutter() {
        gutterDigits = BreakpointGutter.digits(area.getParagraphs().size());
        gutter = new BreakpointGutter(document, viewModel, () -> area.getParagraphs().size());
        area.setParagraphGraphicFactory(gutter::apply);
    }

    /** Breakpoints or the stopped line changed: the gutter nodes on screen update in place (new ones are made current). */
    private void refreshGutter() {
        if (BreakpointGutter.digits(area.getParagraphs().size()) != gutterDigits) {
            rebuildGutter();
            return;
        }
        for (Node node : area.lookupAll("." + EditorStyle.GUTTER)) {
            gutter.refresh(node);
        }
    }

    private void showExecutionPoint() {
        Optional<ExecutionPoint> point = viewModel.executionPointProperty().get()
                .filter(p -> p.file().equals(document.path()));
        int paragraph = point.map(p -> Math.min(p.line(), area.getParagraphs().size()) - 1).orElse(-1);
        // Asked before the marks move: they change the area, which then cannot tell what it shows until laid out.
        boolean inView = paragraph >= 0 && filled && comfortablyVisible(paragraph);
        clearCurrentLineStyle();
        if (paragraph >= 0 && filled) {
            area.setParagraphStyle(paragraph, List.of(EditorStyle.CURRENT_LINE));
            styledCurrentParagraph = paragraph;
            area.moveTo(paragraph, 0);
            if (!inView) {
                scrollTo(paragraph);
            }
        }
        refreshGutter();
        hideHover();
    }

    /** Puts the caret at the start of a 1-based line, centred and focused; waits for the text if it is loading. */
    void revealLine(int line) {
        if (!filled) {
            pendingReveal = line;
            return;
        }
        pendingReveal = 0;
        int paragraph = Math.max(0, Math.min(line, area.getParagraphs().size()) - 1);
        boolean inView = comfortablyVisible(paragraph);
        area.moveTo(paragraph, 0);
        if (!inView) {
            scrollTo(paragraph);
        }
        area.requestFocus();
    }

    /** Removes the band; edits may have moved its paragraph since it was set, so look for it if it is not there. */
    private void clearCurrentLineStyle() {
        int paragraphs = area.getParagraphs().size();
        if (styledCurrentParagraph >= 0 && styledCurrentParagraph < paragraphs
                && area.getParagraph(styledCurrentParagraph).getParagraphStyle().contains(EditorStyle.CURRENT_LINE)) {
            area.setParagraphStyle(styledCurrentParagraph, List.of());
        } else if (styledCurrentParagraph >= 0) {
            for (int i = 0; i < paragraphs; i++) {
                if (area.getParagraph(i).getParagraphStyle().contains(EditorStyle.CURRENT_LINE)) {
                    area.setParagraphStyle(i, List.of());
                }
            }
        }
        styledCurrentParagraph = -1;
    }

    /**
     * Centres a paragraph. A freshly filled or not yet shown area has no viewport to centre in, so the scroll waits
     * until the area has a height and is laid out. (Setting it within that first layout pass would skip making the
     * file's first page, but would make opening a file one longer frame instead of two shorter ones.) Callers leave a
     * line that is {@link #comfortablyVisible} where it is, as an IDE does: each line scrolled into view is a new
     * paragraph node, the costliest part of a stop.
     */
    void scrollTo(int paragraph) {
        if (jumpTo(paragraph)) {
            return;
        }
        if (area.getHeight() > 0 && area.getScene() != null) {
            area.showParagraphAtCenter(paragraph);
            // Lines of unequal height (wrapped, say) are only measured once laid out: centre again after.
            Platform.runLater(() -> {
                if (paragraph < area.getParagraphs().size()) {
                    area.showParagraphAtCenter(paragraph);
                }
            });
            return;
        }
        area.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number height) {
                if (height.doubleValue() > 0) {
                    area.heightProperty().removeListener(this);
                    Platform.runLater(() -> scrollTo(paragraph));
                }
            }
        });
    }

    /**
     * Shows a page of lines around a paragraph a quarter at a time: the page's top goes to where centring would put
     * it, and the area unfolds downwards from there. Each line scrolled into view is a paragraph node made and styled
     * for the first time; a whole page of them in one frame held the FX thread for 110-150 ms (ScreenshotTour, the
     * editor opening app_compute.c at its stopped line). False where the editor cannot unfold (not on screen, or not
     * laid out yet): the caller then centres the line at once.
     */
    private boolean jumpTo(int paragraph) {
        int lines = linesOnScreen();
        if (lines == 0 || area.getScene() == null) {
            return false;
        }
        area.showParagraphAtTop(Math.max(0, Math.min(paragraph - lines / 2, area.getParagraphs().size() - lines)));
        return viewport.unfold(); // else the caller centres the line at once
    }

    /**
     * Whether a paragraph is on screen with a few lines of context around it (none at the file's ends). Asking for the
     * visible lines lays the area out there and then, which in the middle of a fill made the file's first page only to
     * scroll away from it: an area not filled yet, or folded, is laid out by its frames alone.
     */
    private boolean comfortablyVisible(int paragraph) {
        if (area.isNeedsLayout() && filled && !viewport.isFolded() && area.getScene() != null) {
            // A step's stop can come in the frame its step began, before the marks taken off for "running" are laid
            // out. Taken as "not in view", it centred the text on the stopped line at every step: the text crept up.
            area.layout();
        }
        if (area.isNeedsLayout() || area.getVisibleParagraphs().isEmpty()) {
            return false;
        }
        int first = area.firstVisibleParToAllParIndex();
        int last = area.lastVisibleParToAllParIndex();
        int margin = Math.min(CONTEXT_LINES, Math.max(0, (last - first) / 4));
        boolean topOk = first == 0 || paragraph >= first + margin;
        boolean bottomOk = paragraph <= (last == area.getParagraphs().size() - 1 ? last : last - margin);
        return topOk && bottomOk;
    }

    /** Whether the paragraph of a 1-based line carries the current-line style: what the user sees as the band. */
    boolean isMarkedCurrent(int line) {
        int paragraph = line - 1;
        return paragraph >= 0 && paragraph < area.getParagraphs().size()
                && area.getParagraph(paragraph).getParagraphStyle().contains(EditorStyle.CURRENT_LINE);
    }

    private void installHover() {
        hoverLabel.getStyleClass().add(EditorStyle.HOVER_VALUE);
        hoverLabel.getStylesheets().add(EditorView.STYLESHEET);
        area.setMouseOverTextDelay(HOVER_DELAY);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> {
            if (!viewModel.isStopped()) {
                return;
            }
            TwoDimensional.Position at = area.offsetToPosition(event.getCharacterIndex(), TwoDimensional.Bias.Forward);
            String line = area.getParagraph(at.getMajor()).getText();
            Optional<String> expression = EditorViewModel.expressionAt(line, at.getMinor());
            if (expression.isEmpty()) {
                return;
            }
            long request = ++hoverRequest;
            Point2D where = event.getScreenPosition();
            viewModel.hoverValue(expression.get()).whenComplete((value, failure) -> Platform.runLater(() -> {
                if (request == hoverRequest && failure == null && value.isPresent() && viewModel.isStopped()) {
                    showHover(expression.get() + " = " + value.get(), where);
                }
            }));
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> hideHover());
    }

    private void showHover(String text, Point2D screen) {
        hoverLabel.setText(text);
        if (getScene() != null && getScene().getWindow() != null) {
            if (hoverPopup == null) {
                hoverPopup = new Popup();
                hoverPopup.getContent().add(hoverLabel);
                hoverPopup.setAutoHide(true);
            }
            hoverPopup.show(getScene().getWindow(), screen.getX() + 4, screen.getY() + 18);
        }
    }

    private void hideHover() {
        hoverRequest++;
        if (hoverPopup != null) {
            hoverPopup.hide();
        }
    }

    private void installKeys() {
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                save();
            } else if (FIND.match(event)) {
                searchBar().open(SearchBar.Mode.FIND);
            } else if (GO_TO_LINE.match(event)) {
                searchBar().open(SearchBar.Mode.GO_TO_LINE);
            } else if (TOGGLE_BREAKPOINT.match(event) && area.isFocused()) {
                viewModel.toggleBreakpoint(document.path(), area.getCurrentParagraph() + 1);
            } else {
                hideHover();
                return;
            }
            event.consume();
        });
    }

    private SearchBar searchBar() {
        if (searchBar == null) {
            searchBar = new SearchBar(area);
            setBottom(searchBar);
        }
        return searchBar;
    }

    void save() {
        if (filled) {
            long editsAtSave = edits;
            viewModel.save(document, area.getText(), () -> {
                if (edits != editsAtSave) {
                    document.markEdited();
                }
            });
        }
    }

    void openSearch(SearchBar.Mode mode) {
        searchBar().open(mode);
    }
}
