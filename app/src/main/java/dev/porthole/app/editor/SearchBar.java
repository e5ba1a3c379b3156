package dev.porthole.app.editor;

import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import java.util.OptionalInt;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;

/**
 * The bar under a code area for Ctrl+F (find in file, Enter next, Shift+Enter previous) and Ctrl+G (go to line).
 * Escape closes it and gives the focus back to the text.
 */
final class SearchBar extends HBox {
    enum Mode { FIND, GO_TO_LINE }

    private final CodeArea area;
    private final TextField field = new TextField();
    private final Label info = new Label();
    private final Button previous = iconButton(Icon.STEP_OUT, "Previous match (Shift+Enter)");
    private final Button next = iconButton(Icon.STEP_INTO, "Next match (Enter)");
    private Mode mode = Mode.FIND;
    /** The matches of the field's text in the area's text; null once either has changed, found again when needed. */
    private TextSearch matches;

    SearchBar(CodeArea area) {
        this.area = area;
        getStyleClass().add(EditorStyle.SEARCH_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        field.getStyleClass().add(EditorStyle.SEARCH_FIELD);
        field.setPrefColumnCount(24);
        info.getStyleClass().add(EditorStyle.SEARCH_INFO);
        previous.setOnAction(e -> find(false));
        next.setOnAction(e -> find(true));
        Button close = iconButton(Icon.CLEAR, "Close (Escape)");
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(Icons.node(Icon.SEARCH), field, info, previous, next, spacer, close);

        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                if (mode == Mode.FIND) {
                    find(!event.isShiftDown());
                } else {
                    goToLine();
                }
                event.consume();
            }
        });
        field.textProperty().addListener((obs, old, text) -> {
            if (mode == Mode.FIND) {
                findFrom(area.getSelection().getStart(), true);
            }
        });
        // An edit only forgets the matches: the next find scans again, once, whatever the number of edits before it.
        area.plainTextChanges().subscribe(change -> matches = null);
        setVisible(false);
        setManaged(false);
    }

    TextField field() {
        return field;
    }

    void open(Mode newMode) {
        mode = newMode;
        info.setText("");
        previous.setVisible(mode == Mode.FIND);
        next.setVisible(mode == Mode.FIND);
        if (mode == Mode.FIND) {
            field.setPromptText("Find in file");
            String selected = area.getSelectedText();
            if (!selected.isEmpty() && !selected.contains("\n")) {
                field.setText(selected);
            }
        } else {
            field.setPromptText("Go to line (1-" + area.getParagraphs().size() + ")");
            field.clear();
        }
        setVisible(true);
        setManaged(true);
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    private void find(boolean forward) {
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart();
        findFrom(from, forward);
    }

    /** Selects the next (or previous) case-insensitive occurrence, wrapping around the end of the file. */
    private void findFrom(int from, boolean forward) {
        String query = field.getText();
        if (query.isEmpty()) {
            info.setText("");
            return;
        }
        TextSearch found = matches();
        OptionalInt match = forward ? found.next(from) : found.previous(from);
        if (match.isEmpty()) {
            info.setText("No results");
            return;
        }
        int start = match.getAsInt();
        area.selectRange(start, start + found.matchLength());
        area.requestFollowCaret();
        info.setText(found.ordinal(start) + " of " + found.count());
    }

    /** The current matches: the cached ones while neither the query nor the text changed, else one new scan. */
    TextSearch matches() {
        String query = field.getText();
        if (matches == null || !matches.query().equals(query)) {
            matches = TextSearch.of(area.getText(), query);
        }
        return matches;
    }

    private void goToLine() {
        String entered = field.getText().trim();
        int lines = area.getParagraphs().size();
        try {
            int line = Integer.parseInt(entered);
            if (line < 1 || line > lines) {
                info.setText("Line must be 1-" + lines);
                return;
            }
            area.moveTo(line - 1, 0);
            close();
            area.showParagraphAtCenter(line - 1);
        } catch (NumberFormatException e) {
            info.setText("Not a line number: " + entered);
        }
    }

    private static Button iconButton(Icon icon, String tooltip) {
        Button button = new Button(null, Icons.node(icon, 14));
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.getStyleClass().add("ph-flat-button");
        button.setFocusTraversable(false);
        return button;
    }
}
