package dev.porthole.app.editor;

import dev.porthole.icons.FrameGate;
import dev.porthole.icons.FrameSteps;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import dev.porthole.icons.StyleClasses;
import dev.porthole.icons.UnfoldingPane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The workspace's files: folders are listed in the background the first time they are expanded, build outputs and
 * version-control folders are left out, sources come before other files. Double-click or Enter opens a file.
 */
final class WorkspaceTree extends TreeView<Path> {
    private static final int ROWS_PER_FRAME = 8;
    /** Rows that come {@link #ROWS_PER_FRAME} at a time, at most: the rest go in together. */
    private static final int PAGED_ROWS = 64;
    private final EditorViewModel viewModel;
    /**
     * Unfolds in eighths: the window's first tree rows are the first tree cells and file icons it makes, and a quarter
     * of the tree's height in one frame held the FX thread for 100-150 ms (ScreenshotTour, -Djavafx.pulseLogger).
     */
    private final UnfoldingPane holder = new UnfoldingPane(8);

    WorkspaceTree(EditorViewModel viewModel) {
        this.viewModel = viewModel;
        holder.show(this, false);
        getStyleClass().add(EditorStyle.TREE);
        FolderItem root = new FolderItem(viewModel.workspaceRoot());
        setRoot(root);
        setShowRoot(true);
        expandWhenInScene(root);
        setCellFactory(tree -> new FileCell());
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
    }

    /**
     * Expands the root, which lists the workspace's files, once the tree is in a scene. A tree in a split pane joins
     * the scene only when the pane's skin is made, in the next pulse's CSS pass: the files, listed in a few
     * milliseconds, came before that, found the tree off screen and so went in at once, and the tree's first cells
     * and rows were made in the same pulse as the whole new editor, one block of 80-150 ms (ScreenshotTour).
     */
    private void expandWhenInScene(FolderItem root) {
        sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene scene) {
                if (scene != null) {
                    sceneProperty().removeListener(this);
                    root.setExpanded(true);
                }
            }
        });
    }

    /** The tree in its holder, which unfolds it as the workspace's files arrive: what the editor places. */
    Node node() {
        return holder;
    }

    private void openSelected() {
        TreeItem<Path> item = getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null && item.isLeaf() && !(item instanceof FolderItem)) {
            viewModel.open(item.getValue());
        }
    }

    /** A folder whose children are listed on first expansion; until then it holds one "loading" placeholder. */
    private final class FolderItem extends TreeItem<Path> {
        private boolean listed;

        FolderItem(Path folder) {
            super(folder);
            getChildren().add(new TreeItem<>(null));
            expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded && !listed) {
                    listed = true;
                    viewModel.listFolder(folder, this::showChildren);
                }
            });
        }

        /**
         * Builds the items from what the background listing saw: no file is looked at here, on the FX thread. Each row
         * shown is a cell made and styled, and a window's first tree (the workspace's, as it opens) styled at once held
         * the FX thread for 90 ms. The workspace's own files go in at once and the tree unfolds over a few frames
         * ({@link UnfoldingPane}); a folder opened later has its first rows come {@value #ROWS_PER_FRAME} a frame
         * ({@link FrameSteps}). Unfolding makes only the new rows' cells; a row added makes the tree update every
         * cell it shows.
         */
        private void showChildren(List<WorkspaceFiles.Entry> children) {
            List<TreeItem<Path>> items = children.stream()
                    .map(child -> child.folder() ? new FolderItem(child.path()) : (TreeItem<Path>) new TreeItem<>(child.path()))
                    .toList();
            if (getParent() == null) {
                // In a frame after the tree's own first one: the workspace's files are listed so fast that they came
                // in the frame that styled the new editor, and the two held the FX thread for 150 ms in one pulse.
                FrameGate.run(WorkspaceTree.this, () -> {
                    getChildren().setAll(items);
                    holder.unfold();
                });
                return;
            }
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> getChildren().setAll(items.subList(0, Math.min(ROWS_PER_FRAME, items.size()))));
            for (int from = ROWS_PER_FRAME; from < items.size(); from += ROWS_PER_FRAME) {
                int start = from;
                int end = from + ROWS_PER_FRAME >= PAGED_ROWS ? items.size() : Math.min(items.size(), from + ROWS_PER_FRAME);
                steps.add(() -> getChildren().addAll(items.subList(start, end)));
                if (end == items.size()) {
                    break;
                }
            }
            FrameSteps.run(getScene(), steps);
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }

    private final class FileCell extends TreeCell<Path> {
        /** Swaps the folder glyph when the folder this cell shows opens or closes. */
        private final javafx.beans.value.ChangeListener<Boolean> folderGlyph =
                (obs, was, expanded) -> showIcon(expanded ? Icon.FOLDER_OPEN : Icon.FOLDER);
        private TreeItem<Path> watched;
        /** Made once and given another glyph when needed: a new icon node per update was styled anew each time. */
        private FontIcon icon;
        private Icon shown;

        FileCell() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !isEmpty()
                        && getItem() != null && !(getTreeItem() instanceof FolderItem)) {
                    viewModel.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            if (watched != null) {
                watched.expandedProperty().removeListener(folderGlyph);
                watched = null;
            }
            if (empty) {
                StyleClasses.choose(this, null, EditorStyle.TREE_SOURCE, EditorStyle.TREE_OTHER);
                setText(null);
                setGraphic(null);
                return;
            }
            if (path == null) {
                setText("Loading…");
                setGraphic(null);
                StyleClasses.choose(this, EditorStyle.TREE_OTHER, EditorStyle.TREE_SOURCE, EditorStyle.TREE_OTHER);
                return;
            }
            Path name = path.getFileName();
            setText(name == null ? path.toString() : name.toString());
            if (getTreeItem() instanceof FolderItem) {
                watched = getTreeItem();
                watched.expandedProperty().addListener(folderGlyph);
                showIcon(watched.isExpanded() ? Icon.FOLDER_OPEN : Icon.FOLDER);
                StyleClasses.choose(this, null, EditorStyle.TREE_SOURCE, EditorStyle.TREE_OTHER);
            } else {
                boolean source = SourceLanguage.of(path).isSource();
                showIcon(source ? Icon.EDITOR : Icon.FILE);
                StyleClasses.choose(this, source ? EditorStyle.TREE_SOURCE : EditorStyle.TREE_OTHER, EditorStyle.TREE_SOURCE, EditorStyle.TREE_OTHER);
            }
        }

        private void showIcon(Icon which) {
            if (icon == null) {
                icon = Icons.node(which);
            } else if (which != shown) {
                icon.setIconCode(which.glyph());
            }
            shown = which;
            if (getGraphic() != icon) {
                setGraphic(icon);
            }
        }
    }
}
