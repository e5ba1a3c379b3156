package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.Instruction;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The instructions around the program counter, with the source lines they come from interleaved (gdb's
 * {@code disassemble /s}). At each stop it shows the function the pc is in, from its start to a little past the pc,
 * and marks the instruction at the pc.
 */
public final class DisassemblyViewModel extends PanelViewModel {
    /** How far past the pc to disassemble: enough to see what comes next. */
    static final int BYTES_AFTER_PC = 96;
    /** Without a function (no symbols) show this much from the pc. */
    static final int BYTES_WITHOUT_FUNCTION = 128;

    /** A source line heading the instructions made from it, or one instruction. */
    public sealed interface Line permits SourceLine, InstructionLine {
    }

    public record SourceLine(String file, int line, Optional<String> text) implements Line {
        public String label() {
            return file + ":" + line;
        }
    }

    public record InstructionLine(Instruction instruction, boolean current) implements Line {
        public String address() {
            return String.format("0x%016x", instruction.address());
        }

        /** {@code <app_compute+8>}, empty without symbols. */
        public String symbol() {
            return instruction.function().map(f -> "<" + f + "+" + instruction.offset() + ">").orElse("");
        }
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", -1);
    private final Map<Path, List<String>> sourceCache = new ConcurrentHashMap<>();
    private long pc = -1;
    private long requestedPc = -1;

    public DisassemblyViewModel(Executor ui) {
        super(ui);
    }

    public DisassemblyViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** The index in {@link #lines()} of the instruction at the pc, -1 if none is shown. */
    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public long pc() {
        return pc;
    }

    /** The pc of the frame last asked for (shown, or on its way). */
    public long requestedPc() {
        return requestedPc;
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        Optional<Frame> frame = stop.frame();
        if (frame.isEmpty()) {
            setStatus("the stop names no frame; nothing to disassemble");
            return;
        }
        show(frame.get());
    }

    /** Disassembles around {@code frame}'s pc (a frame chosen in the Call Stack, or the stop's own). */
    public void show(Frame frame) {
        session().ifPresent(s -> {
            long at = frame.address();
            requestedPc = at;
            String pcText = "0x" + Long.toHexString(at);
            boolean named = frame.function() != null && !frame.function().isBlank() && !frame.function().equals("??");
            String start = named ? frame.function() : pcText;
            String end = pcText + " + " + (named ? BYTES_AFTER_PC : BYTES_WITHOUT_FUNCTION);
            Optional<Path> dir = frame.fullPath().map(p -> Path.of(p).getParent()).filter(Objects::nonNull);
            CompletableFuture<List<Instruction>> instructions = s.disassemble(start, end).thenCompose(list ->
                    named && list.stream().noneMatch(i -> i.address() == at)
                            // pc outside what gdb calls the function (a trampoline, a wrong symbol): go by the pc
                            ? s.disassemble(pcText, pcText + " + " + BYTES_WITHOUT_FUNCTION)
                            : CompletableFuture.completedFuture(list));
            // source files are read off the FX thread and off the session thread
            deliver(instructions.thenApplyAsync(list -> interleave(list, at, dir)), "could not disassemble " + start + " .. " + end,
                    built -> {
                        pc = at;
                        lines.setAll(built.lines());
                        currentIndex.set(built.current());
                        if (built.current() < 0) {
                            setStatus("the pc " + pcText + " is not at an instruction boundary gdb found");
                        }
                    });
        });
    }

    private record Interleaved(List<Line> lines, int current) {
    }

    private Interleaved interleave(List<Instruction> instructions, long at, Optional<Path> sourceDir) {
        List<Line> out = new ArrayList<>();
        String lastFile = null;
        OptionalInt lastLine = OptionalInt.empty();
        int current = -1;
        for (Instruction i : instructions) {
            if (i.file().isPresent() && i.line().isPresent()
                    && (!i.file().get().equals(lastFile) || lastLine.isEmpty() || lastLine.getAsInt() != i.line().getAsInt())) {
                lastFile = i.file().get();
                lastLine = i.line();
                out.add(new SourceLine(lastFile, lastLine.getAsInt(), sourceText(sourceDir, lastFile, lastLine.getAsInt())));
            }
            boolean isCurrent = i.address() == at;
            if (isCurrent) {
                current = out.size();
            }
            out.add(new InstructionLine(i, isCurrent));
        }
        return new Interleaved(List.copyOf(out), current);
    }

    private Optional<String> sourceText(Optional<Path> dir, String file, int line) {
        Path path = Path.of(file);
        if (!path.isAbsolute() && dir.isPresent()) {
            path = dir.get().resolve(file);
        }
        List<String> text = sourceCache.computeIfAbsent(path, p -> {
            try {
                return Files.isRegularFile(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of(); // unreadable source: the line number alone still helps
            }
        });
        return line >= 1 && line <= text.size() ? Optional.of(text.get(line - 1).strip()) : Optional.empty();
    }

    @Override
    protected void clear() {
        lines.clear();
        currentIndex.set(-1);
        sourceCache.clear(); // the sources may be edited and rebuilt before the next session
    }
}
