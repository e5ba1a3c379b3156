package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.Frame;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The backtrace at the last stop, innermost first. Activating a frame opens its source line and makes it the frame
 * the Variables panel shows ({@link #selectedLevelProperty()}).
 */
public final class CallStackViewModel extends PanelViewModel {
    private final ObservableList<Frame> frames = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selectedLevel = new ReadOnlyIntegerWrapper(this, "selectedLevel", -1);
    private final SourceNavigator navigator;
    private final FrameSourceResolver sources;

    /** {@code sources}: the same resolver the stop marker uses, so a frame's file is found by both or by neither. */
    public CallStackViewModel(SourceNavigator navigator, FrameSourceResolver sources, Executor ui) {
        super(ui);
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    public CallStackViewModel(SourceNavigator navigator, FrameSourceResolver sources) {
        this(navigator, sources, FxThread.EXECUTOR);
    }

    public ObservableList<Frame> frames() {
        return frames;
    }

    /** The frame whose variables are shown: 0 after every stop, -1 when there is none. */
    public ReadOnlyIntegerProperty selectedLevelProperty() {
        return selectedLevel.getReadOnlyProperty();
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        session().ifPresent(s -> deliver(s.frames(), "could not read the call stack", list -> {
            frames.setAll(list);
            // a new stop always shows the innermost frame; re-set so listeners hear it even if it was 0 before
            selectedLevel.set(-1);
            selectedLevel.set(list.isEmpty() ? -1 : 0);
        }));
    }

    @Override
    protected void clear() {
        frames.clear();
        selectedLevel.set(-1);
    }

    /** The user chose a frame: select it for the Variables panel and open its source line if the file exists. */
    public void activate(Frame frame) {
        selectedLevel.set(frame.level());
        Optional<Path> file = sources.sourceFileOf(frame);
        if (file.isPresent() && frame.line().isPresent()) {
            navigator.open(file.get(), frame.line().getAsInt());
            setStatus("");
        } else if (frame.file().isPresent()) {
            setStatus("the source " + frame.file().get() + " of " + frame.function() + " is not on this machine");
        } else {
            setStatus(frame.function() + " has no line information (see the Disassembly panel)");
        }
    }

    public void activate(int level) {
        frames.stream().filter(f -> f.level() == level).findFirst().ifPresent(this::activate);
    }

    /** {@code file:line} as gdb names them, or empty when the frame has no line information. */
    public static String location(Frame frame) {
        return frame.file().isPresent() && frame.line().isPresent()
                ? frame.file().get() + ":" + frame.line().getAsInt() : "";
    }

    public static String address(Frame frame) {
        return "0x" + Long.toHexString(frame.address());
    }
}
