package dev.porthole.app.workbench;

import dev.porthole.app.console.ConsoleView;
import dev.porthole.app.console.ConsoleViewModel;
import dev.porthole.app.crash.CrashReport;
import dev.porthole.app.crash.CrashView;
import dev.porthole.app.debug.view.DebugPanel;
import dev.porthole.app.debug.view.FrameSourceResolver;
import dev.porthole.app.dialog.DialogService;
import dev.porthole.app.editor.BreakpointModel;
import dev.porthole.app.editor.EditorView;
import dev.porthole.app.editor.EditorViewModel;
import dev.porthole.app.editor.ExecutionPoint;
import dev.porthole.app.editor.SourceBreakpoint;
import dev.porthole.app.editor.SourceDocument;
import dev.porthole.app.launch.LaunchOptionsView;
import dev.porthole.app.runs.RunHistory;
import dev.porthole.app.runs.RunSummary;
import dev.porthole.app.runs.RunsView;
import dev.porthole.app.session.BuildLogImageBuilder;
import dev.porthole.app.session.BuildOutcome;
import dev.porthole.app.session.GuestWorkflow;
import dev.porthole.app.session.WorkflowListener;
import dev.porthole.app.task.TaskRunner;
import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.ImageDiscovery;
import dev.porthole.app.workspace.RecentWorkspaces;
import dev.porthole.app.workspace.Workspace;
import dev.porthole.app.workspace.WorkspaceConfig;
import dev.porthole.app.workspace.WorkspaceStore;
import dev.porthole.build.memory.RuntimeMemoryMap;
import dev.porthole.build.view.BuildLogView;
import dev.porthole.build.view.BuildLogViewModel;
import dev.porthole.build.view.LayoutView;
import dev.porthole.build.view.LayoutViewModel;
import dev.porthole.build.view.ProblemsView;
import dev.porthole.build.view.ProblemsViewModel;
import dev.porthole.build.view.ViewThreads;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.Frame;
import dev.porthole.icons.FrameGate;
import dev.porthole.icons.FrameSteps;
import dev.porthole.icons.Icon;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.GuestExit;
import dev.porthole.launcher.QemuLauncher;
import dev.porthole.launcher.SerialLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;

/**
 * The workbench: puts the panels in the window, connects the actions to the {@link GuestWorkflow}, and turns the
 * workflow's reports into what each panel shows. It owns the open {@link Workspace} and saves it (breakpoints,
 * launch options, theme, split positions) atomically whenever one of them changes.
 */
public final class Workbench implements WorkflowListener {
    /** The guest command lines the app selector offers; any other can be typed. */
    static final List<String> SAMPLE_APPS = List.of("app=hello", "app=compute", "app=fault", "app=tracestorm count=100000");

    private final Stage stage;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final RecentWorkspaces recent;
    private final WorkbenchViewModel model = new WorkbenchViewModel();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    /** Finds a frame's source for the stop marker and for the Call Stack alike. */
    private final FrameSourceResolver frameSources =
            new FrameSourceResolver(() -> Optional.ofNullable(workspace.get()).map(Workspace::root));
    private final GuestWorkflow workflow;
    private final BreakpointModel breakpoints = new BreakpointModel();
    private final ConsoleViewModel consoleModel = new ConsoleViewModel();
    // Made by completePanels(), after the window's first frame (see WorkbenchApplication).
    private ConsoleView consoleView;
    private CrashView crashView;
    private RunsView runsView;
    private boolean otherPanelsFilled;
    private boolean consolePlaced;
    /** Counts workspaces shown: a show's later frames are skipped once another one has begun. */
    private long workspaceShows;
    /** Counts stops and resumes: a stop's line shown a frame late must not come back after the guest ran on. */
    private long executionPoints;
    private final BuildLogViewModel buildLogModel = new BuildLogViewModel(ViewThreads.fx());
    private final ProblemsViewModel problemsModel = new ProblemsViewModel((file, line, column) -> openSource(file, Math.max(1, line)));
    private final LayoutViewModel layoutModel = new LayoutViewModel(ViewThreads.fx());
    private final ComboBox<String> appSelector = new ComboBox<>();
    private final List<DebugPanel> debugPanels = new ArrayList<>();
    private final WorkbenchView view;
    private final Tab consoleTab;
    private final Tab crashTab;
    private final Tab problemsTab;
    private final Tab buildTab;
    private final Tab runsTab;
    private final Tab layoutTab;
    private final LaunchOptionsView launchOptions = new LaunchOptionsView(this::onLaunchOptionsChanged);
    private Theme theme = Theme.DARK;
    /** Held here, weakly by the list of windows, so a closed workbench (a test's) is not kept alive by it. */
    private final ListChangeListener<Window> dialogsFollowTheme = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::markTheme);
        }
    };
    private EditorViewModel editorModel;
    private EditorView editorView;
    private boolean loadingWorkspace;
    private final java.util.concurrent.atomic.AtomicReference<Workspace> pendingSave = new java.util.concurrent.atomic.AtomicReference<>();

    public Workbench(Stage stage, TaskRunner tasks, DialogService dialogs, RecentWorkspaces recent) {
        this.stage = stage;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.recent = recent;
        Window.getWindows().addListener(new WeakListChangeListener<>(dialogsFollowTheme));
        this.workflow = new GuestWorkflow(new QemuLauncher(), new BuildLogImageBuilder(buildLogModel, tasks), workspace::get, this);
        problemsModel.follow(buildLogModel.diagnostics());

        appSelector.getItems().setAll(SAMPLE_APPS);
        appSelector.setEditable(true);
        appSelector.setPrefWidth(220);
        appSelector.setId("app-selector");
        appSelector.setTooltip(new Tooltip("The guest's command line (-append)"));
        appSelector.valueProperty().addListener((obs, old, now) -> onAppendChanged(now));

        // The editor comes with a workspace (replaceEditor); until then its place says how to get one.
        editorModel = new EditorViewModel(Path.of("").toAbsolutePath(), tasks, breakpoints);
        view = new WorkbenchView(model, editorPlaceholder(), appSelector);

        consoleTab = view.reserveBottomPanel("Console", Icon.CONSOLE);
        problemsTab = view.reserveBottomPanel("Problems", Icon.PROBLEMS);
        buildTab = view.reserveBottomPanel("Build", Icon.BUILD);
        runsTab = view.reserveBottomPanel("Runs", Icon.RUNS);
        crashTab = view.reserveBottomPanel("Crash", Icon.CRASH);
        layoutTab = view.reserveBottomPanel("Layout", Icon.LAYOUT);
        view.addBottomPanel("Launch", Icon.SETTINGS, launchOptions);
        layoutTab.setOnSelectionChanged(e -> {
            if (layoutTab.isSelected()) {
                if (layoutStale) {
                    loadLayout();
                }
                readRuntimeMap();
            }
        });

        model.setHandler(this::perform);
        model.setExitHandler(stage::close);
        breakpoints.addListener(new BreakpointSync());
    }

    /**
     * Makes the panels' contents: the console, the build, problems, runs, crash and layout views, and the toolbar's
     * tooltips. The window shows its frame first (every tab, the toolbar, the status bar) and runs these steps one per
     * frame after it ({@code WorkbenchApplication}), so that RichTextFX's first start and the panels' first styling
     * never hold the FX thread together. Each step runs once; {@link #completePanels} runs those not run yet.
     */
    public List<Runnable> panelSteps() {
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> {
                    if (consoleView == null) {
                        view.installTooltips();
                        consoleView = ConsoleView.withToolbarInSteps(consoleModel);
                    }
                },
                // Made in one frame, its text styled in the next, its toolbar made and styled a part a frame in the
                // four after: the console is the bottom tab shown at first, and the first of many kinds of control
                // to be styled.
                () -> {
                    if (!consolePlaced) {
                        consolePlaced = true;
                        view.fillPanel(consoleTab, consoleView);
                    }
                }));
        for (int part = 0; part < ConsoleView.TOOLBAR_PARTS; part++) {
            steps.add(() -> consoleView.addNextToolbarPart()); // made by the first step
        }
        steps.addAll(List.of(
                () -> {
                    if (runsView == null) {
                        crashView = new CrashView(this::openSource);
                        runsView = new RunsView(tasks, this::openRun, this::compareRuns);
                        view.fillPanel(runsTab, runsView);
                        view.fillPanel(crashTab, crashView);
                    }
                },
                () -> {
                    if (!otherPanelsFilled) {
                        otherPanelsFilled = true;
                        view.fillPanel(problemsTab, new ProblemsView(problemsModel));
                        BuildLogView buildLog = new BuildLogView(buildLogModel);
                        buildLog.setOnScreen(buildTab.isSelected());
                        buildTab.selectedProperty().addListener((obs, was, selected) -> buildLog.setOnScreen(selected));
                        view.fillPanel(buildTab, buildLog);
                        view.fillPanel(layoutTab, new LayoutView(layoutModel));
                    }
                }));
        return steps;
    }

    /** Makes the panels' contents that are not made yet, now (tests, and a workspace opened before they were). */
    public void completePanels() {
        panelSteps().forEach(Runnable::run);
        while (consoleView.addNextToolbarPart()) {
            // the parts not added yet, all at once
        }
    }

    private static Node editorPlaceholder() {
        Label hint = new Label("Open a folder (Ctrl+O) to edit its sources");
        hint.getStyleClass().add("ph-empty-state");
        return new StackPane(hint);
    }

    public WorkbenchView view() {
        return view;
    }

    public WorkbenchViewModel model() {
        return model;
    }

    public ReadOnlyObjectProperty<Workspace> workspace() {
        return workspace;
    }

    public ConsoleViewModel console() {
        return consoleModel;
    }

    public ConsoleView consoleView() {
        return consoleView;
    }

    public EditorView editor() {
        return editorView;
    }

    public CrashView crashView() {
        return crashView;
    }

    public RunsView runsView() {
        return runsView;
    }

    public ProblemsViewModel problems() {
        return problemsModel;
    }

    public LayoutViewModel layout() {
        return layoutModel;
    }

    public GuestWorkflow workflow() {
        return workflow;
    }

    public Theme theme() {
        return theme;
    }

    /** The one resolver of a frame's source file; the Call Stack gets it too, so it agrees with the stop marker. */
    FrameSourceResolver frameSources() {
        return frameSources;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    private final List<Consumer<Theme>> themeListeners = new ArrayList<>();

    /** Views that draw their own colours (the trace canvas) follow the theme through this. */
    public void onThemeChanged(Consumer<Theme> listener) {
        themeListeners.add(listener);
    }

    /** A debugger panel (or a set of them) the app assembles elsewhere: told of every attach, stop, run and detach. */
    public void followSession(DebugPanel panel) {
        debugPanels.add(panel);
    }

    // --- workspace -----------------------------------------------------------------------------

    /** Opens a folder: its porthole.json, or an offer to create one for an image found there. */
    public void open(Path folder) {
        tasks.run("open workspace", () -> {
            if (WorkspaceStore.exists(folder)) {
                return Optional.of(WorkspaceStore.load(folder));
            }
            return Optional.<WorkspaceStore.Loaded>empty();
        }, loaded -> {
            if (loaded.isPresent()) {
                show(loaded.get());
            } else {
                offerNewWorkspace(folder);
            }
        }, error -> dialogs.showError("Cannot open " + folder, error.getMessage()));
    }

    private void offerNewWorkspace(Path folder) {
        tasks.run("find images", () -> ImageDiscovery.find(folder), found -> {
            if (found.isEmpty()) {
                dialogs.showError("No image in " + folder, "There is no porthole.json in " + folder
                        + " and no bootable image (multiboot or PVH ELF, Linux bzImage, Unikraft *_qemu-x86_64) within four folders of it.\n"
                        + "Build your image first, or open the folder that holds it.");
                return;
            }
            Optional<ImageDiscovery.Candidate> chosen = found.size() == 1
                    && dialogs.confirm("Create porthole.json?", "Create a workspace in " + folder + " for " + folder.relativize(found.get(0).image())
                    + (found.get(0).debugImage() != null ? " (symbols from " + found.get(0).debugImage().getFileName() + ")" : "") + "?")
                    ? Optional.of(found.get(0))
                    : found.size() > 1 ? dialogs.choose("Create porthole.json?", "Which image does this workspace boot?", found,
                            c -> folder.relativize(c.image()) + " (" + c.description() + (c.debugImage() != null ? ", with " + c.debugImage().getFileName() : "") + ")")
                    : Optional.empty();
            chosen.ifPresent(candidate -> tasks.run("create workspace", () -> {
                Workspace ws = new Workspace(folder, ImageDiscovery.configFor(folder, candidate));
                WorkspaceStore.save(ws);
                return WorkspaceStore.load(folder);
            }, this::show, error -> dialogs.showError("Cannot create porthole.json", error.getMessage())));
        }, error -> dialogs.showError("Cannot search " + folder, error.getMessage()));
    }

    /**
     * Shows a workspace in three frames: its editor (the file tree first), then its settings (launch options,
     * breakpoints, window layout, runs), then its first source file. Each adds many nodes for the first time, and
     * styling them in one pulse held the FX thread for 120-180 ms (ScreenshotTour).
     */
    private void show(WorkspaceStore.Loaded loaded) {
        completePanels(); // already done, unless a workspace opens before the window's first frame
        Workspace ws = loaded.workspace();
        long show = ++workspaceShows;
        FrameSteps.run(stage.getScene(), List.of(
                () -> {
                    loadingWorkspace = true; // the split pane's dividers move: not an edit of the layout to save
                    try {
                        replaceEditor(ws);
                    } finally {
                        loadingWorkspace = false;
                    }
                },
                () -> {
                    if (show == workspaceShows) { // else another workspace is on its way in
                        showSettings(loaded);
                    }
                },
                () -> {
                    if (show == workspaceShows) {
                        openFirstSource(ws);
                    }
                }));
    }

    private void showSettings(WorkspaceStore.Loaded loaded) {
        Workspace ws = loaded.workspace();
        loadingWorkspace = true;
        try {
            workspace.set(ws);
            model.setWorkspaceName(ws.name());
            model.setMachine(ws.config().launch().machine());
            model.setAccel(ws.config().launch().accel());
            stage.setTitle("Porthole — " + ws.name());
            appSelector.setValue(ws.config().launch().append());
            launchOptions.show(ws.config().launch());
            List<SourceBreakpoint> loadedBreakpoints = new ArrayList<>();
            for (WorkspaceConfig.Breakpoint b : ws.config().breakpoints()) {
                if (b.file() != null && b.line() != null) {
                    loadedBreakpoints.add(new SourceBreakpoint(ws.resolvePath(b.file()), b.line(), b.hardware(), b.enabled()));
                }
            }
            breakpoints.setAll(loadedBreakpoints);
            applyWindowLayout(ws.config().window());
            runsView.setHistory(new RunHistory(ws.root().resolve("runs")));
            loadLayout();
        } finally {
            loadingWorkspace = false;
        }
        view.showBanner(loaded.hasWarning() ? banner(loaded.warning()) : null);
        tasks.run("remember workspace", () -> recent.add(ws.root()), folders -> view.setRecent(folders, this::open), e -> { });
    }

    private void replaceEditor(Workspace ws) {
        EditorViewModel newModel = new EditorViewModel(ws.root(), tasks, breakpoints);
        EditorView newView = new EditorView(newModel);
        SplitPane center = view.splitPanes().get(WorkbenchView.CENTER_SPLIT);
        double[] dividers = center.getDividerPositions();
        center.getItems().set(0, newView);
        center.setDividerPositions(dividers);
        editorModel = newModel;
        editorView = newView;
        editorModel.setHoverValueProvider(expression -> workflow.session()
                .filter(s -> model.state().get() == GuestState.STOPPED)
                .map(s -> s.evaluate(expression, 0).thenApply(Optional::of).exceptionally(e -> Optional.empty()))
                .orElse(CompletableFuture.completedFuture(Optional.empty())));
    }

    /** Opens the file holding the workspace's entry point (kmain) or its first C file, so the editor is never empty. */
    private void openFirstSource(Workspace ws) {
        tasks.run("find sources", () -> {
            Path main = ws.root().resolve("main.c");
            if (Files.isRegularFile(main)) {
                return Optional.of(main);
            }
            try (var files = Files.walk(ws.root(), 3)) {
                return files.filter(f -> f.toString().endsWith(".c")).sorted().findFirst();
            }
        }, file -> file.ifPresent(editorModel::open), e -> { });
    }

    private Node banner(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        HBox box = new HBox(10, label, dismiss);
        box.getStyleClass().add("ph-banner");
        box.setPadding(new Insets(6, 10, 6, 10));
        dismiss.setOnAction(e -> view.showBanner(null));
        box.setId("workspace-banner");
        return box;
    }

    /** Applies a change to the workspace config and saves it in the background (atomic write). */
    private void update(java.util.function.UnaryOperator<WorkspaceConfig> change) {
        Workspace ws = workspace.get();
        if (ws == null || loadingWorkspace) {
            return;
        }
        WorkspaceConfig changed = change.apply(ws.config());
        if (changed.equals(ws.config())) {
            return; // nothing to save (one edit can come back through two listeners)
        }
        Workspace updated = ws.with(changed);
        workspace.set(updated);
        save(updated);
    }

    /**
     * Saves porthole.json in the background, latest first: a burst of edits (moving N breakpoints is 2N changes)
     * writes the newest state once or twice, and one write at a time, so an older state never lands after a newer.
     */
    private void save(Workspace updated) {
        if (pendingSave.getAndSet(updated) != null) {
            return; // a save task is running and will take this one
        }
        tasks.runAction("save porthole.json", () -> {
            for (Workspace next = pendingSave.get(); next != null; next = pendingSave.get()) {
                synchronized (pendingSave) {
                    WorkspaceStore.save(next);
                }
                pendingSave.compareAndSet(next, null);
            }
        }, () -> { }, e -> {
            pendingSave.set(null);
            problem("could not save " + updated.root().resolve(WorkspaceStore.FILE_NAME) + ": " + e.getMessage());
        });
    }

    private void onAppendChanged(String append) {
        if (append != null) {
            update(c -> c.withLaunch(c.launch().withAppend(append.trim())));
            Workspace ws = workspace.get();
            if (ws != null && !loadingWorkspace) {
                launchOptions.show(ws.config().launch());
            }
        }
    }

    /** An edit in the Launch panel: saved, and the toolbar and status bar follow it. */
    private void onLaunchOptionsChanged(WorkspaceConfig.Launch launch) {
        update(c -> c.withLaunch(launch));
        if (!launch.append().equals(appSelector.getValue())) {
            appSelector.setValue(launch.append());
        }
        model.setMachine(launch.machine());
        model.setAccel(launch.accel());
    }

    // --- window layout and theme ---------------------------------------------------------------

    public void applyTheme(Scene scene, Theme newTheme) {
        showTheme(scene, newTheme);
        update(c -> c.withWindow(c.window().withTheme(newTheme.id())));
    }

    private void showTheme(Scene scene, Theme newTheme) {
        theme = newTheme;
        newTheme.apply(scene);
        Window.getWindows().forEach(this::markTheme);
        themeListeners.forEach(l -> l.accept(newTheme));
    }

    /** A dialog's window (not the workbench's, which has the whole theme) takes the theme's look. */
    private void markTheme(Window window) {
        if (window != stage && window.getScene() != null && window.getScene().getRoot() != null) {
            theme.mark(window.getScene().getRoot());
        }
    }

    private void applyWindowLayout(WorkspaceConfig.Window window) {
        Theme wanted = Theme.named(window.theme());
        if (stage.getScene() != null && wanted != theme) {
            showTheme(stage.getScene(), wanted);
        }
        view.splitPanes().forEach((name, pane) -> {
            List<Double> positions = window.dividers().get(name);
            if (positions != null && positions.size() == pane.getDividers().size()) {
                pane.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
    }

    /**
     * Remembers split positions and window size in porthole.json. Called as the window closes, so it writes at once
     * on this thread: a background save could be cut off by the JVM's exit.
     */
    public void saveWindowLayout() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return;
        }
        Workspace updated = ws.with(windowLayout(ws.config()));
        workspace.set(updated);
        try {
            WorkspaceStore.save(updated);
        } catch (IOException e) {
            System.err.println("porthole: could not save the window layout to " + updated.root().resolve(WorkspaceStore.FILE_NAME) + ": " + e.getMessage());
        }
    }

    private WorkspaceConfig windowLayout(WorkspaceConfig c) {
        WorkspaceConfig.Window w = c.window().withSize(stage.getWidth(), stage.getHeight());
        for (var entry : view.splitPanes().entrySet()) {
            List<Double> positions = new ArrayList<>();
            for (double p : entry.getValue().getDividerPositions()) {
                positions.add(Math.round(p * 1000) / 1000.0);
            }
            w = w.withDividers(entry.getKey(), positions);
        }
        return c.withWindow(w);
    }

    // --- actions -------------------------------------------------------------------------------

    private void perform(WorkbenchAction action) {
        switch (action) {
            case OPEN_FOLDER -> dialogs.chooseFolder("Open a workspace folder", Optional.ofNullable(workspace.get()).map(Workspace::root).orElse(null))
                    .ifPresent(this::open);
            case SAVE -> saveEditors();
            case BUILD -> workflow.build();
            case RUN -> workflow.run();
            case DEBUG -> workflow.debug();
            case CONTINUE -> workflow.resume();
            case PAUSE -> workflow.pause();
            case STEP_OVER -> workflow.stepOver();
            case STEP_INTO -> workflow.stepInto();
            case STEP_OUT -> workflow.stepOut();
            case RUN_TO_LINE -> runToCursor();
            case RESTART -> workflow.restart();
            case STOP -> workflow.stop();
            case TOGGLE_THEME -> applyTheme(stage.getScene(), theme.other());
        }
    }

    private void saveEditors() {
        if (editorView == null) {
            return;
        }
        for (SourceDocument document : List.copyOf(editorModel.documents())) {
            if (document.isDirty()) {
                editorView.codeArea(document.path()).ifPresent(area -> editorModel.save(document, area.getText(), () -> { }));
            }
        }
    }

    private void runToCursor() {
        SourceDocument document = editorModel.selectedProperty().get();
        Optional<CodeArea> area = document == null || editorView == null ? Optional.empty() : editorView.codeArea(document.path());
        if (area.isEmpty()) {
            problem("place the cursor on a source line to run to it");
            return;
        }
        workflow.runTo(document.path(), area.get().getCurrentParagraph() + 1);
    }

    /** Opens a file in the editor with the caret on {@code line} (1-based), scrolled into view once the file has loaded. */
    public void openSource(Path file, int line) {
        if (editorView == null) {
            problem("open a workspace first: the editor shows the sources of an open folder");
            return;
        }
        editorView.showLine(file, line);
    }

    /** Loads a past run's console (appended from the background, so the console can pace a long log) and trace. */
    private void openRun(RunSummary run) {
        consoleModel.clear();
        consoleModel.setRunStart(0);
        view.selectBottomPanel(consoleTab);
        tasks.runAction("load run " + run.id(), () -> {
            try (var lines = Files.lines(run.dir().resolve(dev.porthole.launcher.RunRecord.SERIAL), StandardCharsets.ISO_8859_1)) {
                // serial.log keeps the bytes, not their arrival times: lines show at 0.000.
                lines.forEach(line -> consoleModel.append(0, line));
            }
        }, () -> runOpened.accept(run), e -> problem("cannot read the run " + run.dir() + ": " + e.getMessage()));
    }

    private Consumer<RunSummary> runOpened = run -> { };
    private java.util.function.BiConsumer<RunSummary, RunSummary> runsCompared = (a, b) -> { };

    /** Extra work when a past run is opened (the trace panel loads its trace). */
    public void onRunOpened(Consumer<RunSummary> action) {
        runOpened = action;
    }

    public void onRunsCompared(java.util.function.BiConsumer<RunSummary, RunSummary> action) {
        runsCompared = action;
    }

    private void compareRuns(RunSummary older, RunSummary newer) {
        runsCompared.accept(older, newer);
    }

    // --- the workflow's reports (any thread) --------------------------------------------------

    @Override
    public void stateChanged(GuestState state, boolean underDebugger, String status) {
        tasks.onUi(() -> {
            model.setState(state);
            model.setDebugging(underDebugger);
            model.setStatus(status);
            if (state != GuestState.STOPPED) {
                executionPoints++;
                editorModel.clearExecutionPoint();
            }
        });
    }

    @Override
    public void buildFinished(BuildOutcome outcome) {
        tasks.onUi(() -> {
            if (!outcome.success()) {
                view.selectBottomPanel(outcome.errors() > 0 ? problemsTab : buildTab);
            }
            loadLayout();
        });
    }

    @Override
    public void guestStarted(Guest guest) {
        tasks.onUi(() -> {
            view.selectBottomPanel(consoleTab); // first: its cleared lines come in the frame after
            consoleModel.clear();
            guest.timings().spawn().ifPresent(consoleModel::setRunStart);
            crashView.showNone();
            model.setMachine(guest.machine().name().toLowerCase(java.util.Locale.ROOT));
            model.setAccel(guest.accel().name().toLowerCase(java.util.Locale.ROOT));
            // Under KVM software breakpoints can be lost before the code is mapped: new gutter breakpoints are hardware.
            editorModel.hardwareBreakpointsByDefaultProperty().set(guest.accel() == dev.porthole.launcher.Accel.KVM);
            guestStarted.accept(guest);
        });
    }

    private Consumer<Guest> guestStarted = g -> { };

    /** Extra work when a guest starts (the trace panel follows it live). */
    public void onGuestStarted(Consumer<Guest> action) {
        guestStarted = action;
    }

    @Override
    public void consoleLine(SerialLine line) {
        consoleModel.append(line.hostNanos(), line.text());
    }

    @Override
    public void sessionStarted(DebugSession session) {
        tasks.onUi(() -> debugPanels.forEach(p -> p.attach(session)));
    }

    @Override
    public void stopped(DebugEvent.Stopped stop) {
        tasks.onUi(() -> {
            long thisStop = ++executionPoints;
            // In a frame of its own: a stop in another file opens a tab, which the console's last lines (the guest
            // prints, then stops) would otherwise be styled and laid out with.
            FrameGate.run(view, () -> {
                if (thisStop == executionPoints) {
                    stop.frame().ifPresent(this::showFrame);
                }
            });
            debugPanels.forEach(p -> p.onStopped(stop));
            if (layoutTab.isSelected()) {
                readRuntimeMap();
            }
        });
    }

    private void showFrame(Frame frame) {
        Optional<Path> file = frameSources.sourceFileOf(frame);
        if (file.isPresent() && frame.line().isPresent()) {
            editorModel.setExecutionPoint(new ExecutionPoint(file.get(), frame.line().getAsInt()));
        }
    }

    @Override
    public void running() {
        tasks.onUi(() -> {
            executionPoints++;
            editorModel.clearExecutionPoint();
            debugPanels.forEach(DebugPanel::onRunning);
        });
    }

    @Override
    public void crashed(CrashReport report) {
        tasks.onUi(() -> {
            // The crash panel, then the faulting line's file: each brings a view's worth of new nodes, so each gets a
            // frame of its own, as do the console's last lines, which the panic comes with.
            view.selectBottomPanel(crashTab);
            FrameGate.run(view, () -> crashView.show(report)); // on screen by then, so its parts come a frame each
            report.faultingFrame().ifPresent(f -> FrameGate.run(view, () -> openSource(f.file().get(), f.line().getAsInt())));
        });
    }

    @Override
    public void guestExited(GuestExit exit, Path runDir) {
        tasks.onUi(() -> {
            debugPanels.forEach(DebugPanel::detach);
            runsView.refresh();
            readBootTime(runDir, workflow.lastRunWasDebugged());
        });
    }

    /** The run's time from QEMU's spawn to its exit; said to include the debugger's stops when there were any. */
    private void readBootTime(Path runDir, boolean underDebugger) {
        tasks.run("read run " + runDir.getFileName(), () -> RunHistory.read(runDir), run -> run.spawnToExitMs()
                .ifPresent(ms -> model.setLastBoot(String.format("%.0f ms%s (%s)", ms,
                        underDebugger ? " under the debugger" : "", run.outcome()))), e -> { });
    }

    @Override
    public void problem(String message) {
        tasks.onUi(() -> {
            model.setStatus(message);
            view.showBanner(banner(message));
        });
    }

    /** Set when the image changed while the Layout panel was not shown; it reads the ELF (and runs nm) when next looked at. */
    private boolean layoutStale = true;

    /** The Layout panel follows the workspace's debug image (the ELF with symbols and DWARF), read only when shown. */
    private void loadLayout() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return;
        }
        if (!layoutTab.isSelected()) {
            layoutStale = true;
            return;
        }
        layoutStale = false;
        ws.debugImage().filter(Files::isRegularFile).ifPresent(layoutModel::load);
    }

    /** The guest's page tables beside the ELF sections: read through the debugger, only while stopped and looked at. */
    private void readRuntimeMap() {
        Optional<DebugSession> session = workflow.session();
        var layout = layoutModel.layoutProperty().get();
        if (session.isEmpty() || layout == null || model.state().get() != GuestState.STOPPED) {
            return;
        }
        tasks.run("read page tables", () -> RuntimeMemoryMap.read(session.get(), layout.allocatedSections()),
                layoutModel::setRuntimeMap, e -> model.setStatus("cannot read the guest's page tables: " + e.getMessage()));
    }

    /** Keeps the workspace's breakpoints and the live session in step with the editor's gutter. */
    private final class BreakpointSync implements BreakpointModel.Listener {
        @Override
        public void breakpointAdded(SourceBreakpoint breakpoint) {
            persist();
            workflow.addBreakpoint(toConfig(breakpoint));
        }

        @Override
        public void breakpointRemoved(SourceBreakpoint breakpoint) {
            persist();
            workflow.removeBreakpoint(toConfig(breakpoint));
        }

        @Override
        public void breakpointChanged(SourceBreakpoint before, SourceBreakpoint after) {
            persist();
            workflow.removeBreakpoint(toConfig(before));
            if (after.enabled()) {
                workflow.addBreakpoint(toConfig(after));
            }
        }

        @Override
        public void breakpointMoved(SourceBreakpoint before, SourceBreakpoint after) {
            workflow.removeBreakpoint(toConfig(before));
            workflow.addBreakpoint(toConfig(after));
            persist();
        }

        private WorkspaceConfig.Breakpoint toConfig(SourceBreakpoint b) {
            Workspace ws = workspace.get();
            String file = ws == null ? b.file().toString() : ws.relativize(b.file());
            return new WorkspaceConfig.Breakpoint(file, b.line(), null, b.hardware(), b.enabled(), null);
        }

        private void persist() {
            if (loadingWorkspace) {
                return;
            }
            List<WorkspaceConfig.Breakpoint> all = new ArrayList<>();
            for (SourceBreakpoint b : breakpoints.breakpoints()) {
                all.add(toConfig(b));
            }
            update(c -> c.withBreakpoints(all));
        }
    }

    /** Stops the guest and the debugger; the window is closing. */
    public void shutdown() {
        saveWindowLayout();
        workflow.close();
        consoleModel.close();
    }
}
