package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.Variable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Arguments and locals of the selected frame. Each is a watch bound to that frame
 * ({@link DebugSession#createWatchInFrame}: a gdb variable object, or a JDI value read in that StackFrame), so an
 * outer frame shows its own values, and structs and pointers expand member by member. A value is marked changed when
 * the same variable of the same function showed a different value at the previous stop; what the user expanded stays
 * expanded from stop to stop.
 */
public final class VariablesViewModel extends ValueTreeViewModel {
    private final ObservableList<ValueNode> roots = FXCollections.observableArrayList();
    /** function/path -> value, as shown at the previous stop and at this one. */
    private Map<String, String> previousStop = new HashMap<>();
    private Map<String, String> thisStop = new HashMap<>();
    private final Set<String> expandedPaths = new HashSet<>();
    private final List<String> handles = new ArrayList<>();
    private int frameLevel;
    private String function = "";

    public VariablesViewModel(Executor ui) {
        super(ui);
    }

    public VariablesViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<ValueNode> roots() {
        return roots;
    }

    public int frameLevel() {
        return frameLevel;
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        previousStop = thisStop;
        thisStop = new HashMap<>();
        frameLevel = 0;
        function = stop.frame().map(f -> f.function()).orElse("");
        load();
    }

    /** Shows the variables of the frame at {@code level} (the Call Stack panel's selection) at the current stop. */
    public void selectFrame(int level, String functionName) {
        if (level < 0 || lastStop().isEmpty() || (level == frameLevel && Objects.equals(function, functionName))) {
            return;
        }
        frameLevel = level;
        function = functionName == null ? "" : functionName;
        load();
    }

    private void load() {
        DebugSession s = session().orElse(null);
        if (s == null) {
            return;
        }
        int level = frameLevel;
        CompletableFuture<List<ValueNode>> nodes = s.variables(level).thenCompose(variables -> {
            List<CompletableFuture<ValueNode>> made = new ArrayList<>();
            for (Variable v : variables) {
                made.add(s.createWatchInFrame(v.name(), level)
                        .thenApply(o -> ValueNode.of(o, v.name(), v.argument()))
                        // a variable gdb cannot make an object of (optimized out, say) still shows its simple value
                        .exceptionally(e -> plainNode(v)));
            }
            return CompletableFuture.allOf(made.toArray(CompletableFuture[]::new))
                    .thenApply(ok -> made.stream().map(CompletableFuture::join).toList());
        });
        // variable objects made for a stop the user has already left are deleted, not shown
        deliver(nodes, "could not read the variables of frame " + level, this::show,
                stale -> stale.forEach(n -> n.handle().ifPresent(s::deleteWatch)));
    }

    private static ValueNode plainNode(Variable v) {
        ValueNode node = new ValueNode(v.name(), v.name(), v.argument());
        node.setValue(v.value());
        node.setType(v.type().orElse(""));
        return node;
    }

    private void show(List<ValueNode> nodes) {
        deleteOldObjects();
        nodes.forEach(n -> n.handle().ifPresent(handles::add));
        List<ValueNode> sorted = new ArrayList<>(nodes);
        // arguments first, as the function declares them; then locals in gdb's order
        sorted.sort((a, b) -> Boolean.compare(b.isArgument(), a.isArgument()));
        for (ValueNode n : sorted) {
            noteValue(n);
        }
        roots.setAll(sorted);
        sorted.forEach(this::track);
    }

    @Override
    protected void track(ValueNode node) {
        node.expandedProperty().set(expandedPaths.contains(node.path()));
        node.expandedProperty().addListener((obs, was, isNow) -> {
            if (isNow) {
                expandedPaths.add(node.path());
            } else {
                expandedPaths.remove(node.path());
            }
        });
        super.track(node);
    }

    @Override
    protected void childCreated(ValueNode child) {
        child.handle().ifPresent(handles::add);
        noteValue(child);
    }

    private void noteValue(ValueNode node) {
        String key = function + "/" + node.path();
        String before = previousStop.get(key);
        node.setChanged(before != null && !before.equals(node.value()));
        thisStop.put(key, node.value());
    }

    private void deleteOldObjects() {
        DebugSession s = session().orElse(null);
        List<String> old = new ArrayList<>(handles);
        handles.clear();
        if (s == null) {
            return;
        }
        for (String h : old) {
            // children go with their root; deleting them again would only produce errors
            if (!h.contains(".")) {
                s.deleteWatch(h);
            }
        }
    }

    @Override
    protected void clear() {
        deleteOldObjects();
        roots.clear();
    }

    @Override
    public void detach() {
        handles.clear();
        super.detach();
        previousStop.clear();
        thisStop.clear();
    }
}
