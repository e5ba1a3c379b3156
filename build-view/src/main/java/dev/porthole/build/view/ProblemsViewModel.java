package dev.porthole.build.view;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The rows of {@link ProblemsView}: diagnostics with their notes below them, filtered by severity.
 * Activating a row asks the {@link ProblemNavigator} to open its file at its line.
 */
public final class ProblemsViewModel {
    /** A row: a diagnostic, or one of its notes ({@code parent} is the diagnostic it belongs to, else null). */
    public record Row(Diagnostic diagnostic, Diagnostic parent) {
        public boolean note() {
            return parent != null;
        }

        public String location() {
            Diagnostic d = diagnostic;
            if (d.file() == null) {
                return "";
            }
            return d.file() + (d.line() > 0 ? ":" + d.line() + (d.column() > 0 ? ":" + d.column() : "") : "");
        }
    }

    private final ProblemNavigator navigator;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> visible = new FilteredList<>(rows);
    private final BooleanProperty showErrors = new SimpleBooleanProperty(true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(true);
    private final BooleanProperty showNotes = new SimpleBooleanProperty(true);

    public ProblemsViewModel(ProblemNavigator navigator) {
        this.navigator = navigator;
        showErrors.addListener((o, a, b) -> refilter());
        showWarnings.addListener((o, a, b) -> refilter());
        showNotes.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Replaces the problems (after a build, or as a build streams them: call with the list so far). */
    public void setDiagnostics(List<Diagnostic> diagnostics) {
        rows.setAll(rowsOf(diagnostics));
    }

    /**
     * Binds to a build's live list: rows follow it. Diagnostics added at the end (how a build streams them) become
     * rows added at the end, so the table keeps its rows, selection and scroll position; any other change
     * replaces every row.
     */
    public void follow(ObservableList<Diagnostic> diagnostics) {
        setDiagnostics(diagnostics);
        diagnostics.addListener((ListChangeListener<Diagnostic>) change -> {
            boolean onlyAppended = true;
            while (change.next()) {
                boolean appended = change.wasAdded() && !change.wasRemoved() && !change.wasPermutated()
                        && change.getTo() == change.getList().size();
                onlyAppended &= appended;
            }
            change.reset();
            if (!onlyAppended) {
                setDiagnostics(diagnostics);
                return;
            }
            while (change.next()) {
                rows.addAll(rowsOf(change.getAddedSubList()));
            }
        });
    }

    /** A diagnostic's row, then one row for each of its notes. */
    private static List<Row> rowsOf(List<? extends Diagnostic> diagnostics) {
        List<Row> rows = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            rows.add(new Row(diagnostic, null));
            for (Diagnostic note : diagnostic.notes()) {
                rows.add(new Row(note, diagnostic));
            }
        }
        return rows;
    }

    /**
     * Opens the row's file at its line through the navigator. Returns false when the row names no file
     * (a make message with no place, a linker error about a library).
     */
    public boolean activate(Row row) {
        Diagnostic d = row.diagnostic();
        if (d.path() == null) {
            return false;
        }
        navigator.open(d.path(), d.line(), d.column());
        return true;
    }

    public long count(Severity severity) {
        return rows.stream().filter(r -> !r.note() && r.diagnostic().severity() == severity).count();
    }

    private void refilter() {
        visible.setPredicate(row -> {
            Diagnostic owner = row.note() ? row.parent() : row.diagnostic();
            boolean ownerShown = switch (owner.severity()) {
                case ERROR -> showErrors.get();
                case WARNING -> showWarnings.get();
                case NOTE -> showNotes.get();
            };
            return ownerShown && (!row.note() || showNotes.get());
        });
    }

    public ObservableList<Row> rows() {
        return visible;
    }

    public BooleanProperty showErrorsProperty() {
        return showErrors;
    }

    public BooleanProperty showWarningsProperty() {
        return showWarnings;
    }

    public BooleanProperty showNotesProperty() {
        return showNotes;
    }
}
