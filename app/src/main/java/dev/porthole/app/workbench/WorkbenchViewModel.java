package dev.porthole.app.workbench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * The window's state as properties: which guest state, what the status bar says, which actions are enabled.
 * It never touches a control; the {@link WorkbenchView} binds to it and the workflow drives it. All setters are
 * for the FX thread (the workflow hops there before calling them).
 */
public final class WorkbenchViewModel {
    private final ObjectProperty<GuestState> state = new SimpleObjectProperty<>(GuestState.IDLE);
    private final BooleanProperty debugging = new SimpleBooleanProperty(false);
    private final StringProperty workspaceName = new SimpleStringProperty("");
    private final StringProperty statusText = new SimpleStringProperty("Ready");
    private final StringProperty machine = new SimpleStringProperty("microvm");
    private final StringProperty accel = new SimpleStringProperty("accel: auto");
    private final StringProperty lastBoot = new SimpleStringProperty("last boot: —");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final Map<WorkbenchAction, BooleanBinding> enabled = new EnumMap<>(WorkbenchAction.class);
    private final BooleanBinding canContinue = Bindings.createBooleanBinding(() -> state.get() == GuestState.STOPPED, state);
    private Consumer<WorkbenchAction> handler = a -> { };
    private Runnable exitHandler = () -> { };

    public WorkbenchViewModel() {
        for (WorkbenchAction action : WorkbenchAction.values()) {
            enabled.put(action, Bindings.createBooleanBinding(() -> isEnabled(action, state.get(), debugging.get()), state, debugging));
        }
    }

    /** The rule for every action: what a user may do in which state. */
    static boolean isEnabled(WorkbenchAction action, GuestState state, boolean debugging) {
        boolean noGuest = GuestState.NO_GUEST.contains(state);
        return switch (action) {
            case OPEN_FOLDER, SAVE, TOGGLE_THEME -> true;
            case BUILD, RUN, DEBUG -> noGuest;
            case CONTINUE, STEP_OVER, STEP_INTO, STEP_OUT, RUN_TO_LINE -> state == GuestState.STOPPED;
            case PAUSE -> state == GuestState.RUNNING && debugging;
            case RESTART -> state.hasGuest();
            case STOP -> state.hasGuest() || state == GuestState.BUILDING;
        };
    }

    public void setHandler(Consumer<WorkbenchAction> handler) {
        this.handler = Objects.requireNonNull(handler);
    }

    public void setExitHandler(Runnable exitHandler) {
        this.exitHandler = Objects.requireNonNull(exitHandler);
    }

    /** A user asked for {@code action}; ignored when it is not enabled now (a stale shortcut, a double click). F5 is Continue when stopped. */
    public void perform(WorkbenchAction action) {
        WorkbenchAction effective = action == WorkbenchAction.DEBUG && canContinue.get() ? WorkbenchAction.CONTINUE : action;
        if (enabled.get(effective).get()) {
            handler.accept(effective);
        }
    }

    public void requestExit() {
        exitHandler.run();
    }

    public ObservableBooleanValue enabled(WorkbenchAction action) {
        return enabled.get(action);
    }

    public ObservableBooleanValue canContinue() {
        return canContinue;
    }

    public ReadOnlyObjectProperty<GuestState> state() {
        return state;
    }

    public void setState(GuestState newState) {
        state.set(newState);
        progress.set(newState == GuestState.BUILDING || newState == GuestState.BOOTING ? -1 : 0);
    }

    public void setDebugging(boolean underDebugger) {
        debugging.set(underDebugger);
    }

    public boolean isDebugging() {
        return debugging.get();
    }

    public ObservableStringValue guestStateText() {
        return Bindings.createStringBinding(() -> state.get().label() + (debugging.get() && state.get().hasGuest() ? " (debugger)" : ""), state, debugging);
    }

    public ObservableStringValue guestStateStyle() {
        return Bindings.createStringBinding(() -> state.get().styleClass(), state);
    }

    public ReadOnlyStringProperty workspaceName() {
        return workspaceName;
    }

    public void setWorkspaceName(String name) {
        workspaceName.set(name);
    }

    public ReadOnlyStringProperty statusText() {
        return statusText;
    }

    public void setStatus(String text) {
        statusText.set(text);
    }

    public ReadOnlyStringProperty machineText() {
        return machine;
    }

    public void setMachine(String name) {
        machine.set(name);
    }

    public ReadOnlyStringProperty accelText() {
        return accel;
    }

    public void setAccel(String text) {
        accel.set("accel: " + text);
    }

    public ReadOnlyStringProperty lastBootText() {
        return lastBoot;
    }

    public void setLastBoot(String text) {
        lastBoot.set("last boot: " + text);
    }

    public ReadOnlyDoubleProperty progress() {
        return progress;
    }
}
