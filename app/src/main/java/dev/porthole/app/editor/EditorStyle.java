package dev.porthole.app.editor;

/** Style classes of the editor's own nodes (syntax classes are in {@link SyntaxStyle}); editor.css styles them. */
public final class EditorStyle {
    public static final String EDITOR = "ph-editor";
    public static final String CODE_AREA = "ph-code-area";
    public static final String TABS = "ph-editor-tabs";
    public static final String TREE = "ph-workspace-tree";
    public static final String TREE_SOURCE = "ph-tree-source";
    public static final String TREE_OTHER = "ph-tree-other";
    public static final String GUTTER = "ph-gutter";
    public static final String LINE_NUMBER = "ph-line-number";
    /** Where a line's breakpoint marker goes; hovering the gutter hints at it. */
    public static final String BREAKPOINT_SLOT = "ph-breakpoint-slot";
    public static final String BREAKPOINT = "ph-breakpoint";
    public static final String BREAKPOINT_HARDWARE = "ph-breakpoint-hardware";
    public static final String BREAKPOINT_DISABLED = "ph-breakpoint-disabled";
    public static final String CURRENT_LINE_ARROW = "ph-current-line-arrow";
    /** Paragraph style of the line the guest is stopped at: the highlight band. */
    public static final String CURRENT_LINE = "ph-current-line";
    /** On the gutter and line number of the stopped line. */
    public static final String GUTTER_CURRENT = "ph-gutter-current";
    public static final String HOVER_VALUE = "ph-hover-value";
    public static final String SEARCH_BAR = "ph-search-bar";
    public static final String SEARCH_FIELD = "ph-search-field";
    public static final String SEARCH_INFO = "ph-search-info";
    public static final String STATUS_BAR = "ph-editor-status";
    public static final String DIRTY = "ph-dirty";
    public static final String PLACEHOLDER = "ph-editor-placeholder";

    private EditorStyle() {
    }
}
