package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.DebugSession;
import dev.porthole.gdb.VarChange;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Expressions the user watches. Each is a floating gdb variable object made once; at every stop
 * {@link DebugSession#updateWatches()} says which values changed, and exactly those rows are marked. Expressions added
 * while there is no session or the target runs are evaluated at the next stop.
 */
public final class WatchViewModel extends ValueTreeViewModel {
    public static final String OUT_OF_SCOPE = "<out of scope>";
    public static final String NOT_EVALUATED = "<not evaluated yet>";

    private final ObservableList<ValueNode> roots = FXCollections.observableArrayList();

    public WatchViewModel(Executor ui) {
        super(ui);
    }

    public WatchViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<ValueNode> roots() {
        return roots;
    }

    /** Watches {@code expression}; evaluated now if the target is stopped, else at the next stop. */
    public void add(String expression) {
        if (expression == null || expression.isBlank()) {
            setError("type an expression to watch, e.g. compute_result or p->x");
            return;
        }
        ValueNode node = new ValueNode(expression.strip(), expression.strip(), false);
        node.setValue(NOT_EVALUATED);
        roots.add(node);
        track(node);
        if (stoppedProperty().get()) {
            create(node);
        }
    }

    public void remove(ValueNode node) {
        roots.remove(node);
        node.handle().ifPresent(h -> session().ifPresent(s -> s.deleteWatch(h)));
    }

    private void create(ValueNode node) {
        session().ifPresent(s -> deliverAlways(s.createWatch(node.name()), "could not evaluate '" + node.name() + "'", object -> {
            if (!roots.contains(node)) {
                s.deleteWatch(object.handle()); // removed while gdb was making it
                return;
            }
            node.bind(object);
            setStatus("");
            if (node.expandedProperty().get()) {
                loadChildren(node);
            }
        }));
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        for (ValueNode node : roots) {
            if (node.handle().isEmpty()) {
                create(node);
            }
        }
        session().ifPresent(s -> deliver(s.updateWatches(), "could not update the watches", this::apply));
    }

    private void apply(List<VarChange> changes) {
        Map<String, ValueNode> byHandle = new HashMap<>();
        for (ValueNode root : roots) {
            index(root, byHandle);
        }
        byHandle.values().forEach(n -> n.setChanged(false));
        for (VarChange change : changes) {
            ValueNode node = byHandle.get(change.handle());
            if (node == null) {
                continue; // another panel's variable object
            }
            node.setValue(change.inScope() ? change.value() : OUT_OF_SCOPE);
            node.setChanged(change.inScope());
            if (change.typeChanged()) {
                node.children().clear();
                node.setChildrenLoaded(false);
                loadChildren(node);
            }
        }
    }

    private static void index(ValueNode node, Map<String, ValueNode> byHandle) {
        node.handle().ifPresent(h -> byHandle.put(h, node));
        for (ValueNode child : node.children()) {
            index(child, byHandle);
        }
    }

    @Override
    protected void childCreated(ValueNode child) {
        // members appear unchanged; the next update says otherwise
    }

    @Override
    protected void onTargetRunning() {
        // keep the expressions and their last values; the view greys them out while the target runs
    }

    @Override
    protected void clear() {
        for (ValueNode root : roots) {
            forget(root);
            root.setValue(NOT_EVALUATED);
            root.setChanged(false);
        }
    }

    private static void forget(ValueNode node) {
        node.setHandle(null);
        node.children().clear();
        node.setChildrenLoaded(false);
        node.setChildrenLoading(false);
    }

    /** The expressions, for saving with the workspace. */
    public List<String> expressions() {
        List<String> out = new ArrayList<>();
        roots.forEach(r -> out.add(r.name()));
        return out;
    }
}
