package dev.porthole.app.editor;

import dev.porthole.app.task.TaskRunner;
import dev.porthole.launcher.AtomicFiles;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The source editor's state, free of controls: the open files (one tab each, keyed by absolute path), which one is
 * selected, the breakpoints, where the guest is stopped, and how to ask the debugger for a value. All disk work goes
 * through the injected {@link TaskRunner}. Use it from the FX thread.
 */
public final class EditorViewModel {
    /** Files larger than this are refused: the editor is for sources, not for images or logs. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path workspaceRoot;
    private final TaskRunner tasks;
    private final BreakpointModel breakpoints;
    private final ObservableList<SourceDocument> documents = FXCollections.observableArrayList();
    private final ObservableList<SourceDocument> documentsReadOnly = FXCollections.unmodifiableObservableList(documents);
    private final ObjectProperty<SourceDocument> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Optional<ExecutionPoint>> executionPoint =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final BooleanProperty hardwareBreakpointsByDefault = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private HoverValueProvider hoverValues = HoverValueProvider.NONE;

    public EditorViewModel(Path workspaceRoot, TaskRunner tasks, BreakpointModel breakpoints) {
        this.workspaceRoot = workspaceRoot.toAbsolutePath().normalize();
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.breakpoints = Objects.requireNonNull(breakpoints, "breakpoints");
    }

    public Path workspaceRoot() {
        return workspaceRoot;
    }

    public BreakpointModel breakpoints() {
        return breakpoints;
    }

    /** The open files in tab order; read-only, change it with {@link #open} and {@link #close}. */
    public ObservableList<SourceDocument> documents() {
        return documentsReadOnly;
    }

    /** The file in the front tab; the view and the view model both set it. */
    public ObjectProperty<SourceDocument> selectedProperty() {
        return selected;
    }

    public Optional<SourceDocument> document(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return documents.stream().filter(d -> d.path().equals(normalized)).findFirst();
    }

    /** One line for a status bar: the last save, load failure or refusal, said so the user knows what to do. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a gutter click sets a hardware breakpoint ({@code hbreak}); the app turns it on under KVM. */
    public BooleanProperty hardwareBreakpointsByDefaultProperty() {
        return hardwareBreakpointsByDefault;
    }

    /**
     * Opens a file in a tab and selects it; a file already open is only selected. Reading and highlighting happen in
     * the background: the document starts {@link SourceDocument.State#LOADING}.
     */
    public SourceDocument open(Path file) {
        Optional<SourceDocument> existing = document(file);
        if (existing.isPresent()) {
            selected.set(existing.get());
            return existing.get();
        }
        SourceDocument document = new SourceDocument(file);
        documents.add(document);
        selected.set(document);
        Path path = document.path();
        tasks.run("open " + path, () -> read(path, document.language()), document::loadSucceeded, failure -> {
            String reason = "Could not open " + path + ": " + describe(failure)
                    + ". Check that the file exists and is readable text.";
            document.loadFailed(reason);
            status.set(reason);
        });
        return document;
    }

    private static SourceDocument.LoadedText read(Path file, SourceLanguage language) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("it is " + size / (1024 * 1024) + " MiB, more than the editor's limit of "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        // The code area keeps \n only; a CRLF file is saved back with \n.
        text = text.replace("\r\n", "\n");
        return SourceDocument.LoadedText.of(text, SyntaxHighlighter.of(language).highlight(text));
    }

    /** Closes a tab; the neighbour to its right (else left) becomes selected. Unsaved changes are the caller's call. */
    public void close(SourceDocument document) {
        int index = documents.indexOf(document);
        if (index < 0) {
            return;
        }
        documents.remove(index);
        if (selected.get() == document) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.min(index, documents.size() - 1)));
        }
    }

    /**
     * Writes the text atomically: to a temporary file beside the target, then renamed over it, so a crash or a full
     * disk never leaves half a source file. {@code whenSaved} runs after a successful write.
     */
    public void save(SourceDocument document, String text, Runnable whenSaved) {
        Path target = document.path();
        tasks.run("save " + target, () -> {
            AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
            return target;
        }, saved -> {
            document.saved();
            status.set("Saved " + saved);
            whenSaved.run();
        }, failure -> status.set("Could not save " + target + ": " + describe(failure)
                + ". The file on disk is unchanged; check the folder's permissions and free space, then save again."));
    }

    /**
     * Re-highlights edited text in the background and works out, also there, which stretch changed against what the
     * area shows; the result lands in the document's highlighting property.
     */
    public void highlight(SourceDocument document, String text) {
        long generation = document.nextHighlightGeneration();
        SyntaxHighlighter highlighter = SyntaxHighlighter.of(document.language());
        StyleSpans<Collection<String>> shown = document.shownHighlighting();
        tasks.run("highlight " + document.fileName(), () -> {
            StyleSpans<Collection<String>> spans = highlighter.highlight(text);
            return shown == null ? HighlightUpdate.whole(spans) : HighlightUpdate.between(shown, spans);
        }, update -> document.highlighted(generation, update),
                failure -> status.set("Highlighting " + document.fileName() + " failed: " + describe(failure)));
    }

    /**
     * Lists a folder for the workspace tree in the background; {@code whenListed} gets its entries, each already
     * known as folder or file, on the UI thread.
     */
    public void listFolder(Path folder, Consumer<List<WorkspaceFiles.Entry>> whenListed) {
        tasks.run("list " + folder, () -> WorkspaceFiles.entries(folder), whenListed, failure -> {
            status.set("Could not list " + folder + ": " + describe(failure));
            whenListed.accept(List.of());
        });
    }

    // --- Breakpoints -------------------------------------------------------------------------------------------

    /** A gutter click or F9: removes the breakpoint on the line, or adds one of the default kind. */
    public Optional<SourceBreakpoint> toggleBreakpoint(Path file, int line) {
        return breakpoints.toggle(file, line, hardwareBreakpointsByDefault.get());
    }

    // --- Debugger state ------------------------------------------------------------------------------------------

    /** Where the guest is stopped; empty while it runs or when no session exists. */
    public ReadOnlyObjectProperty<Optional<ExecutionPoint>> executionPointProperty() {
        return executionPoint.getReadOnlyProperty();
    }

    public boolean isStopped() {
        return executionPoint.get().isPresent();
    }

    /** The debugger stopped here: opens the file if needed and brings its tab to the front. */
    public void setExecutionPoint(ExecutionPoint point) {
        open(point.file());
        executionPoint.set(Optional.of(point));
    }

    /** The guest runs again (or the session ended): no line is current any more. */
    public void clearExecutionPoint() {
        executionPoint.set(Optional.empty());
    }

    public void setHoverValueProvider(HoverValueProvider provider) {
        hoverValues = Objects.requireNonNull(provider, "provider");
    }

    /** The value of an expression under the mouse, asked only while stopped; empty otherwise. */
    public CompletableFuture<Optional<String>> hoverValue(String expression) {
        if (!isStopped() || expression.isBlank()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return hoverValues.valueOf(expression);
    }

    /**
     * The expression a hover at {@code offset} means: the identifier there, with the member chain before it
     * ({@code mem.free}, {@code p->next}); an AT&T register ({@code %eax}) as gdb names it ({@code $eax}). Empty when
     * the offset is not on an identifier, or on a keyword or number.
     */
    public static Optional<String> expressionAt(String text, int offset) {
        if (offset < 0 || offset >= text.length() || !isIdentifierPart(text.charAt(offset))) {
            return Optional.empty();
        }
        int end = offset;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        int start = identifierStart(text, offset);
        while (true) {
            int before = start;
            if (before >= 1 && text.charAt(before - 1) == '.') {
                before -= 1;
            } else if (before >= 2 && text.charAt(before - 1) == '>' && text.charAt(before - 2) == '-') {
                before -= 2;
            } else {
                break;
            }
            if (before == 0 || !isIdentifierPart(text.charAt(before - 1))) {
                break;
            }
            start = identifierStart(text, before - 1);
        }
        String expression = text.substring(start, end);
        if (start > 0 && text.charAt(start - 1) == '%' && !expression.isEmpty() && Character.isLetter(expression.charAt(0))) {
            return Optional.of("$" + expression);
        }
        if (Character.isDigit(expression.charAt(0)) || C_KEYWORDS.contains(expression)) {
            return Optional.empty();
        }
        return Optional.of(expression);
    }

    private static final java.util.Set<String> C_KEYWORDS = java.util.Set.of("if", "else", "for", "while", "do",
            "return", "switch", "case", "default", "break", "continue", "goto", "sizeof", "struct", "union", "enum",
            "typedef", "static", "extern", "const", "volatile", "inline", "void", "char", "short", "int", "long",
            "unsigned", "signed", "float", "double");

    private static int identifierStart(String text, int inside) {
        int start = inside;
        while (start > 0 && isIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? kind : message;
    }
}
