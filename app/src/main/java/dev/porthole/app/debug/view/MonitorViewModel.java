package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A console on the QEMU monitor, reached through gdb ({@code monitor info registers}): the transcript of commands
 * and answers, and a shell-like history the input field walks with up and down.
 */
public final class MonitorViewModel extends PanelViewModel {
    /** One piece of the transcript. */
    public record Entry(Kind kind, String text) {
    }

    public enum Kind { COMMAND, OUTPUT, ERROR }

    static final int HISTORY_LIMIT = 200;

    private final ObservableList<Entry> transcript = FXCollections.observableArrayList();
    private final List<String> history = new ArrayList<>();
    /** Where up/down is in the history: history.size() means "below the newest", the empty new line. */
    private int historyCursor;

    public MonitorViewModel(Executor ui) {
        super(ui);
    }

    public MonitorViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<Entry> transcript() {
        return transcript;
    }

    public List<String> history() {
        return List.copyOf(history);
    }

    /**
     * Sends {@code command} to the monitor and appends it and its answer to the transcript. QEMU answers while the
     * guest runs too, so this does not need a stop. Completes with the answer text.
     */
    public CompletableFuture<String> send(String command) {
        String cmd = command == null ? "" : command.strip();
        if (cmd.isEmpty()) {
            return CompletableFuture.completedFuture("");
        }
        remember(cmd);
        transcript.add(new Entry(Kind.COMMAND, "(qemu) " + cmd));
        if (session().isEmpty()) {
            String why = "no debug session: the monitor is reached through gdb; start a debug session first";
            transcript.add(new Entry(Kind.ERROR, why));
            return CompletableFuture.failedFuture(new IllegalStateException(why));
        }
        CompletableFuture<String> answer = session().get().monitor(cmd);
        answer.whenComplete((text, failure) -> ui().execute(() -> {
            if (failure != null) {
                transcript.add(new Entry(Kind.ERROR, "'" + cmd + "' failed: " + dev.porthole.app.task.TaskRunner.messageOf(failure)));
            } else {
                transcript.add(new Entry(Kind.OUTPUT, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
            }
        }));
        return answer;
    }

    private void remember(String cmd) {
        if (history.isEmpty() || !history.get(history.size() - 1).equals(cmd)) {
            history.add(cmd);
            if (history.size() > HISTORY_LIMIT) {
                history.remove(0);
            }
        }
        historyCursor = history.size();
    }

    /** The previous command in the history (the up key), or {@code current} at the oldest. */
    public String historyUp(String current) {
        if (historyCursor > 0) {
            historyCursor--;
            return history.get(historyCursor);
        }
        return history.isEmpty() ? current : history.get(0);
    }

    /** The next command (the down key); past the newest, an empty line. */
    public String historyDown() {
        if (historyCursor < history.size() - 1) {
            historyCursor++;
            return history.get(historyCursor);
        }
        historyCursor = history.size();
        return "";
    }

    public void clearTranscript() {
        transcript.clear();
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        // the transcript is a log: nothing to re-read at a stop
    }

    @Override
    protected void onTargetRunning() {
        // the monitor works while the guest runs
    }

    @Override
    protected void clear() {
        // keep the transcript after the session ends: it is what the user may want to read
    }
}
