package dev.porthole.app.debug.view;

import dev.porthole.gdb.VarObject;

import java.util.List;
import java.util.concurrent.Executor;

/** Expanding variable objects member by member, shared by the Variables and Watch panels. */
abstract class ValueTreeViewModel extends PanelViewModel {

    ValueTreeViewModel(Executor ui) {
        super(ui);
    }

    /** Loads a node's members when the user expands it (and again at a stop, if it stays expanded). */
    protected void track(ValueNode node) {
        node.expandedProperty().addListener((obs, was, isNow) -> {
            if (isNow) {
                loadChildren(node);
            }
        });
        if (node.expandedProperty().get()) {
            loadChildren(node);
        }
    }

    /** Reads the members of {@code node} from gdb, once per variable object. */
    protected void loadChildren(ValueNode node) {
        if (node.childrenLoaded() || node.childrenLoading() || node.handle().isEmpty() || !node.isExpandable()) {
            return;
        }
        session().ifPresent(s -> {
            node.setChildrenLoading(true);
            s.watchChildren(node.handle().get()).whenComplete((objects, failure) -> ui().execute(() -> {
                node.setChildrenLoading(false);
                if (failure != null) {
                    setError("could not expand " + node.path() + ": " + dev.porthole.app.task.TaskRunner.messageOf(failure));
                    return;
                }
                node.setChildrenLoaded(true);
                List<ValueNode> members = objects.stream()
                        .map(o -> childNode(node, o))
                        .toList();
                node.children().setAll(members);
                members.forEach(this::track);
            }));
        });
    }

    private ValueNode childNode(ValueNode parent, VarObject object) {
        ValueNode child = ValueNode.of(object, parent.childPath(object.expression()), false);
        childCreated(child);
        return child;
    }

    /** A member node was made: restore its expansion, compute whether it changed. */
    protected abstract void childCreated(ValueNode child);
}
