package dev.porthole.build.view;

import dev.porthole.build.elf.ElfFormatException;
import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.layout.ImageLayout;
import dev.porthole.build.layout.LayoutDiff;
import dev.porthole.build.layout.LayoutSymbol;
import dev.porthole.build.layout.SizeNode;
import dev.porthole.build.memory.RuntimeMemoryMap;
import dev.porthole.build.memory.SectionCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The state behind {@link LayoutView}: the image's layout (read in the background), the treemap's
 * current node and breadcrumb, the selected section, the symbol table with its filter, the diff with
 * another build, and the runtime map beside the ELF sections. Errors (not an ELF, truncated...) become
 * {@link #errorProperty()} text, never exceptions.
 */
public final class LayoutViewModel {
    /** A row of the runtime-map table: an ELF section beside how it is mapped. */
    public record RuntimeRow(String section, String address, String flags, String runtime, boolean ok) {
    }

    private final ViewThreads threads;
    private final ReadOnlyObjectWrapper<ImageLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<SizeNode> treemapRoot = new SimpleObjectProperty<>();
    private final ObservableList<SizeNode> breadcrumb = FXCollections.observableArrayList();
    private final ObservableList<SizeNode> readOnlyBreadcrumb = FXCollections.unmodifiableObservableList(breadcrumb);
    private final ObjectProperty<ElfSection> selectedSection = new SimpleObjectProperty<>();
    private final ObservableList<LayoutSymbol> allSymbols = FXCollections.observableArrayList();
    private final FilteredList<LayoutSymbol> symbols = new FilteredList<>(allSymbols);
    private final StringProperty symbolFilter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<LayoutDiff> diff = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LayoutDiff.Delta> diffSections = FXCollections.observableArrayList();
    private final ObservableList<LayoutDiff.Delta> diffSymbols = FXCollections.observableArrayList();
    private final ObservableList<RuntimeRow> runtimeRows = FXCollections.observableArrayList();

    public LayoutViewModel(ViewThreads threads) {
        this.threads = threads;
        symbolFilter.addListener((o, a, b) -> refilter());
        selectedSection.addListener((o, a, b) -> refilter());
        treemapRoot.addListener((o, a, node) -> {
            breadcrumb.setAll(node == null ? List.of() : node.pathFromRoot());
            if (node != null && node.kind() == SizeNode.Kind.SECTION) {
                selectedSection.set(sectionNamed(node.name()));
            }
        });
    }

    /** Reads an image in the background; the properties change on the UI thread when done. */
    public void load(Path image) {
        runInBackground(() -> {
            ImageLayout read = ImageLayout.read(image);
            read.sizeTree(); // built here, off the UI thread
            List<LayoutSymbol> all = read.symbols();
            return new Object[] {read, all};
        }, loaded -> {
            ImageLayout read = (ImageLayout) loaded[0];
            @SuppressWarnings("unchecked")
            List<LayoutSymbol> all = (List<LayoutSymbol>) loaded[1];
            error.set(String.join("\n", read.warnings()));
            layout.set(read);
            allSymbols.setAll(all);
            selectedSection.set(null);
            treemapRoot.set(read.sizeTree());
            summary.set(String.format(Locale.ROOT, "%s: %d allocated bytes in %d sections, %d symbols; source files: %s",
                    image.getFileName(), read.totalAllocatedSize(), read.allocatedSections().size(), read.symbolCount(), read.sourceOrigin()));
            diff.set(null);
            diffSections.clear();
            diffSymbols.clear();
        }, failure -> {
            layout.set(null);
            allSymbols.clear();
            treemapRoot.set(null);
            summary.set("");
            error.set(message(failure));
        });
    }

    /** Compares the loaded image (old) with another build (new). */
    public void compareWith(Path newer) {
        ImageLayout older = layout.get();
        if (older == null) {
            error.set("load an image before comparing it with another");
            return;
        }
        runInBackground(() -> LayoutDiff.compare(older, ImageLayout.read(newer)), result -> {
            diff.set(result);
            diffSections.setAll(result.sections());
            diffSymbols.setAll(result.changedSymbols());
        }, failure -> error.set(message(failure)));
    }

    /** Shows a runtime map (read by the app through its debug session) beside the ELF sections. */
    public void setRuntimeMap(RuntimeMemoryMap map) {
        List<RuntimeRow> rows = new ArrayList<>();
        for (SectionCheck check : map.sections()) {
            ElfSection section = check.section();
            String runtime = map.mappingOf(section.address()).map(m -> m.permissions() + " " + m.pageSizeName()).orElse("not mapped");
            String verdict = check.ok() ? runtime + ", as flagged" : runtime + "; " + check.problems().stream()
                    .map(SectionCheck.Problem::toString).reduce((a, b) -> a + "; " + b).orElse("");
            rows.add(new RuntimeRow(section.name(), String.format("0x%x-0x%x", section.address(), section.endAddress()),
                    section.flagLetters(), verdict, check.ok()));
        }
        runtimeRows.setAll(rows);
    }

    /** Zooms the treemap into a section, directory or file (a symbol has nothing inside: ignored). */
    public void zoomInto(SizeNode node) {
        if (node != null && !node.children().isEmpty()) {
            treemapRoot.set(node);
        }
    }

    /** Goes back to a node of the breadcrumb. */
    public void zoomTo(int breadcrumbIndex) {
        if (breadcrumbIndex >= 0 && breadcrumbIndex < breadcrumb.size()) {
            treemapRoot.set(breadcrumb.get(breadcrumbIndex));
        }
    }

    /** Selects a section (from the address bar): the treemap zooms into it and the symbol table shows its symbols. */
    public void selectSection(ElfSection section) {
        ImageLayout current = layout.get();
        if (current == null) {
            return;
        }
        selectedSection.set(section);
        SizeNode node = section == null ? current.sizeTree() : current.sizeTree().child(section.name());
        if (node != null) {
            treemapRoot.set(node);
        }
    }

    private ElfSection sectionNamed(String name) {
        ImageLayout current = layout.get();
        return current == null ? null : current.elf().section(name).orElse(null);
    }

    private void refilter() {
        String needle = symbolFilter.get() == null ? "" : symbolFilter.get().trim().toLowerCase(Locale.ROOT);
        ElfSection section = selectedSection.get();
        symbols.setPredicate(symbol -> (section == null || section.name().equals(symbol.section()))
                && (needle.isEmpty() || symbol.name().toLowerCase(Locale.ROOT).contains(needle)
                || symbol.file() != null && symbol.file().toLowerCase(Locale.ROOT).contains(needle)));
    }

    private <T> void runInBackground(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        threads.background().execute(() -> {
            try {
                T value = work.call();
                threads.ui().execute(() -> onSuccess.accept(value));
            } catch (Throwable failure) {
                threads.ui().execute(() -> onFailure.accept(failure));
            }
        });
    }

    /** The user-facing text of a failure: ELF errors are already sentences; anything else gets its type named. */
    static String message(Throwable failure) {
        if (failure instanceof ElfFormatException || failure instanceof java.io.IOException) {
            return failure.getMessage();
        }
        return "could not read the image: " + failure;
    }

    public ReadOnlyObjectProperty<ImageLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SizeNode> treemapRootProperty() {
        return treemapRoot;
    }

    public ObservableList<SizeNode> breadcrumb() {
        return readOnlyBreadcrumb;
    }

    public ObjectProperty<ElfSection> selectedSectionProperty() {
        return selectedSection;
    }

    /** The symbols shown: filtered by {@link #symbolFilterProperty()} (name or file) and the selected section. */
    public ObservableList<LayoutSymbol> symbols() {
        return symbols;
    }

    public StringProperty symbolFilterProperty() {
        return symbolFilter;
    }

    public ReadOnlyObjectProperty<LayoutDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ObservableList<LayoutDiff.Delta> diffSections() {
        return diffSections;
    }

    public ObservableList<LayoutDiff.Delta> diffSymbols() {
        return diffSymbols;
    }

    public ObservableList<RuntimeRow> runtimeRows() {
        return runtimeRows;
    }
}
