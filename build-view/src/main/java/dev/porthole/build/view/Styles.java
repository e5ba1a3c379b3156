package dev.porthole.build.view;

import dev.porthole.build.diag.Severity;

/** Style-class names and the stylesheet, named once (colours live in build-view.css as -ph- variables). */
public final class Styles {
    public static final String STYLESHEET = Styles.class.getResource("build-view.css").toExternalForm();
    public static final String ERROR = "ph-build-error";
    public static final String WARNING = "ph-build-warning";
    public static final String NOTE = "ph-build-note";
    public static final String LOG = "ph-build-log";
    public static final String TOOLBAR = "ph-build-toolbar";
    public static final String BREADCRUMB = "ph-layout-breadcrumb";
    public static final String PROBLEM_ROW_NOTE = "ph-problem-note";
    public static final String RUNTIME_BAD = "ph-runtime-bad";

    private Styles() {
    }

    public static String of(Severity severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case NOTE -> NOTE;
        };
    }
}
