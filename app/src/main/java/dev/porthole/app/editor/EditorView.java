package dev.porthole.app.editor;

import dev.porthole.icons.FrameGate;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.icons.SplitPanes;
import dev.porthole.icons.TabContent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The source editor: the workspace tree on the left, a tab per open file on the right, a status line under them.
 * Everything it shows comes from the {@link EditorViewModel}; it only turns clicks and keys into view-model calls.
 * Keys: Ctrl+S save, Ctrl+W close tab, Ctrl+F find, Ctrl+G go to line, F9 toggle breakpoint at the caret.
 */
public final class EditorView extends SplitPane {
    /** The editor's stylesheet; its colours are looked up from the app theme, with dark fallbacks of its own. */
    public static final String STYLESHEET =
            Objects.requireNonNull(EditorView.class.getResource("editor.css"), "editor.css is missing").toExternalForm();
    static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final EditorViewModel viewModel;
    private final WorkspaceTree tree;
    private final TabPane tabs = new TabPane();
    private final Map<SourceDocument, Tab> tabsByDocument = new HashMap<>();
    private final Label position = new Label();
    private final Label language = new Label();
    private Predicate<SourceDocument> mayDiscardChanges = EditorView::askToDiscard;

    public EditorView(EditorViewModel viewModel) {
        this.viewModel = viewModel;
        this.tree = new WorkspaceTree(viewModel);
        getStylesheets().add(STYLESHEET);
        getStyleClass().add(EditorStyle.EDITOR);
        setOrientation(Orientation.HORIZONTAL);

        tabs.getStyleClass().add(EditorStyle.TABS);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label empty = new Label("Open a file from the workspace (double-click), or wait for the debugger to stop.");
        empty.getStyleClass().add(EditorStyle.PLACEHOLDER);
        empty.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        BorderPane right = new BorderPane(new StackPane(empty, tabs));
        right.setBottom(statusBar());
        right.getStyleClass().add("ph-editor-main");

        getItems().addAll(tree.node(), right);
        setDividerPositions(0.2);
        SplitPane.setResizableWithParent(tree.node(), false);
        // The tree a frame after the rest: the editor's tab pane and status line with the tree's skin and first cells,
        // the window's first tree cells, held the FX thread for 75-95 ms in one pulse as the workspace arrived.
        SplitPanes.joinAFrameLater(this, tree.node(), () -> { });

        viewModel.documents().forEach(this::addTab);
        viewModel.documents().addListener((ListChangeListener<SourceDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::addTab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            viewModel.selectedProperty().set(tab == null ? null : paneOf(tab).document());
            updateStatus();
        });
        viewModel.selectedProperty().addListener((obs, old, document) -> selectTab(document));
        selectTab(viewModel.selectedProperty().get());

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CLOSE_TAB.match(event)) {
                selectedPane().ifPresent(pane -> closeIfAllowed(pane.document()));
                event.consume();
            }
        });
    }

    public EditorViewModel viewModel() {
        return viewModel;
    }

    /** Opens the file if needed, marks the line as where the guest stopped and scrolls to it. */
    public void showExecutionPoint(Path file, int line) {
        viewModel.setExecutionPoint(new ExecutionPoint(file, line));
    }

    /**
     * Opens a file (if needed) with the caret at the start of a 1-based line, centred: for "go to problem", a stack
     * frame, a symbol. Works while the file is still loading: the caret goes there once the text is in.
     */
    public void showLine(Path file, int line) {
        SourceDocument document = viewModel.open(file);
        Tab tab = tabsByDocument.get(document);
        if (tab != null) {
            paneOf(tab).revealLine(line);
        }
    }

    /** Who decides whether a modified tab may be closed; by default a confirmation dialog. Tests answer here. */
    public void setMayDiscardChanges(Predicate<SourceDocument> decision) {
        mayDiscardChanges = Objects.requireNonNull(decision, "decision");
    }

    /** The code area showing a file, if it is open: for the app's own actions (run to line, copy location). */
    public Optional<CodeArea> codeArea(Path file) {
        return viewModel.document(file).map(tabsByDocument::get).map(tab -> paneOf(tab).codeArea());
    }

    /** Whether the stopped-line band is on this line of this file right now. */
    public boolean isMarkedCurrent(Path file, int line) {
        return viewModel.document(file).map(tabsByDocument::get)
                .map(tab -> paneOf(tab).isMarkedCurrent(line)).orElse(false);
    }

    private Optional<SourceEditorPane> selectedPane() {
        return Optional.ofNullable(tabs.getSelectionModel().getSelectedItem()).map(EditorView::paneOf);
    }

    private void addTab(SourceDocument document) {
        SourceEditorPane pane = new SourceEditorPane(document, viewModel);
        Tab tab = new Tab(document.fileName());
        tab.setUserData(pane);
        // Only the shown file's editor is in the scene: a hidden one would still be styled and laid out on every
        // theme change, and a debugging session opens many files (see WorkbenchView's panels, which do the same).
        TabContent.whileSelected(tab, pane);
        tab.setGraphic(Icons.node(document.language().isSource() ? Icon.EDITOR : Icon.FILE, 14));
        tab.setTooltip(new Tooltip(document.path().toString()));
        tab.textProperty().bind(Bindings.when(document.dirtyProperty())
                .then("● " + document.fileName()).otherwise(document.fileName()));
        document.dirtyProperty().addListener((obs, was, dirty) -> {
            if (dirty) {
                tab.getStyleClass().add(EditorStyle.DIRTY);
            } else {
                tab.getStyleClass().remove(EditorStyle.DIRTY);
            }
        });
        tab.setOnCloseRequest(event -> {
            event.consume();
            closeIfAllowed(document);
        });
        pane.codeArea().caretPositionProperty().addListener((obs, old, caret) -> updateStatus());
        tabsByDocument.put(document, tab);
        tabs.getTabs().add(tab);
    }

    private static SourceEditorPane paneOf(Tab tab) {
        return (SourceEditorPane) tab.getUserData();
    }

    private void removeTab(SourceDocument document) {
        Tab tab = tabsByDocument.remove(document);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    private void selectTab(SourceDocument document) {
        Tab tab = document == null ? null : tabsByDocument.get(document);
        if (tab != null && tabs.getSelectionModel().getSelectedItem() != tab) {
            tabs.getSelectionModel().select(tab);
        }
        if (tab != null) {
            // In a frame of its own when the tab came with a change that has one (a stop in another file): moving the
            // focus between two text areas took 15-25 ms of that change's task, and restyles both.
            FrameGate.run(this, () -> {
                if (tabs.getSelectionModel().getSelectedItem() == tab) {
                    paneOf(tab).codeArea().requestFocus();
                }
            });
        }
    }

    private void closeIfAllowed(SourceDocument document) {
        if (!document.isDirty() || mayDiscardChanges.test(document)) {
            viewModel.close(document);
        }
    }

    private static boolean askToDiscard(SourceDocument document) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                document.path() + " has changes that are not saved. Close it and lose them?",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Discard changes to " + document.fileName() + "?");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private HBox statusBar() {
        Label message = new Label();
        message.textProperty().bind(viewModel.statusProperty());
        message.getStyleClass().add("ph-editor-status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, message, spacer, language, position);
        bar.getStyleClass().add(EditorStyle.STATUS_BAR);
        return bar;
    }

    private void updateStatus() {
        Optional<SourceEditorPane> pane = selectedPane();
        if (pane.isEmpty()) {
            position.setText("");
            language.setText("");
            return;
        }
        CodeArea area = pane.get().codeArea();
        var caret = area.offsetToPosition(area.getCaretPosition(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward);
        position.setText("Ln " + (caret.getMajor() + 1) + ", Col " + (caret.getMinor() + 1));
        language.setText(pane.get().document().language().displayName());
    }
}
