package dev.porthole.app.debug.view;

import dev.porthole.gdb.VarObject;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * One row of the Variables or Watch tree: a variable, a watch expression, or a member of one. Backed by a gdb
 * variable object ({@link #handle()}) when it can be expanded or updated. {@code path} names it for change tracking
 * across stops ({@code p.x}, {@code arr[3]}), independent of gdb's handle, which is new at every stop.
 */
public final class ValueNode {
    private final String name;
    private final String path;
    private final boolean argument;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper(this, "type", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private final ReadOnlyBooleanWrapper expandable = new ReadOnlyBooleanWrapper(this, "expandable", false);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", false);
    private final ObservableList<ValueNode> children = FXCollections.observableArrayList();
    private String handle;
    private boolean childrenLoaded;
    private boolean childrenLoading;

    ValueNode(String name, String path, boolean argument) {
        this.name = name;
        this.path = path;
        this.argument = argument;
    }

    static ValueNode of(VarObject object, String path, boolean argument) {
        ValueNode node = new ValueNode(object.expression(), path, argument);
        node.bind(object);
        return node;
    }

    void bind(VarObject object) {
        handle = object.handle();
        value.set(object.value());
        type.set(object.type().orElse(""));
        expandable.set(object.expandable());
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public boolean isArgument() {
        return argument;
    }

    /** gdb's variable-object name, empty before it exists (a watch added while the target runs). */
    public Optional<String> handle() {
        return Optional.ofNullable(handle);
    }

    void setHandle(String handle) {
        this.handle = handle;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public String value() {
        return value.get();
    }

    void setValue(String text) {
        value.set(text);
    }

    public ReadOnlyStringProperty typeProperty() {
        return type.getReadOnlyProperty();
    }

    void setType(String text) {
        type.set(text);
    }

    /** True when the value differs from the one shown at the previous stop. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public boolean isChanged() {
        return changed.get();
    }

    void setChanged(boolean isChanged) {
        changed.set(isChanged);
    }

    public ReadOnlyBooleanProperty expandableProperty() {
        return expandable.getReadOnlyProperty();
    }

    public boolean isExpandable() {
        return expandable.get();
    }

    void setExpandable(boolean canExpand) {
        expandable.set(canExpand);
    }

    /** Whether the user opened it; the view model loads the children when this turns true. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    public ObservableList<ValueNode> children() {
        return children;
    }

    boolean childrenLoaded() {
        return childrenLoaded;
    }

    void setChildrenLoaded(boolean loaded) {
        childrenLoaded = loaded;
    }

    boolean childrenLoading() {
        return childrenLoading;
    }

    void setChildrenLoading(boolean loading) {
        childrenLoading = loading;
    }

    /** The path of a member {@code member} of this node: {@code p.x}, {@code arr[2]}, {@code (*ptr).x}. */
    String childPath(String member) {
        if (member.chars().allMatch(Character::isDigit) && !member.isEmpty()) {
            return path + "[" + member + "]";
        }
        return path + "." + member;
    }

    @Override
    public String toString() {
        return path + " = " + value.get();
    }
}
