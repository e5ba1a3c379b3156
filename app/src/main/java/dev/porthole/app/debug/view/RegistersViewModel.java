package dev.porthole.app.debug.view;

import dev.porthole.app.debug.RegisterBits;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.Register;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * The general, segment and system registers at the last stop, with the control and flag registers decoded bit by
 * bit. Names are those of QEMU's x86_64 target description. Checked with QEMU 7.2 and gdb 13 ({@code maint print
 * xml-tdesc}): there is one feature, {@code org.gnu.gdb.i386.core}, and it holds {@code cr0 cr2 cr3 cr4 cr8 efer}
 * (regnums 27..32) beside {@code fs_base gs_base k_gs_base} (24..26); there is no {@code org.gnu.gdb.i386.sys}.
 * So the control registers come through {@code -data-list-register-values} like the others, no monitor parsing.
 * {@code eflags} is the whole RFLAGS.
 */
public final class RegistersViewModel extends PanelViewModel {

    /** The registers shown, in this order; a target that lacks one simply does not show it. */
    public static final List<String> SHOWN = List.of(
            "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
            "rip", "eflags",
            "cs", "ss", "ds", "es", "fs", "gs", "fs_base", "gs_base", "k_gs_base",
            "cr0", "cr2", "cr3", "cr4", "cr8", "efer");

    /** One register: its value as gdb prints it, the set bits in words, and whether it changed since the last stop. */
    public record Row(String name, String value, OptionalLong numeric, String summary, List<RegisterBits.Decoded> bits,
                      boolean changed) {
        /** {@code RFLAGS} for gdb's {@code eflags}: QEMU sends the 64-bit register under the i386 name. */
        public String displayName() {
            return name.equals("eflags") ? "rflags" : name;
        }

        public boolean decoded() {
            return !bits.isEmpty();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private Map<String, String> previousStop = new HashMap<>();

    public RegistersViewModel(Executor ui) {
        super(ui);
    }

    public RegistersViewModel() {
        this(FxThread.EXECUTOR);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public Optional<Row> row(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return rows.stream().filter(r -> r.name().equals(wanted) || r.displayName().equals(wanted)).findFirst();
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        session().ifPresent(s -> deliver(s.registers(), "could not read the registers", this::show));
    }

    private void show(List<Register> registers) {
        Map<String, String> byName = new HashMap<>();
        for (Register r : registers) {
            byName.put(r.name(), r.value());
        }
        List<Row> out = new ArrayList<>();
        for (String name : SHOWN) {
            String value = byName.get(name);
            if (value == null) {
                continue;
            }
            OptionalLong numeric = parse(value);
            List<RegisterBits.Decoded> bits = numeric.isPresent() ? RegisterBits.decode(name, numeric.getAsLong()) : List.of();
            String summary = numeric.isPresent() && RegisterBits.fieldsOf(name).isPresent()
                    ? RegisterBits.summary(name, numeric.getAsLong()) : "";
            String before = previousStop.get(name);
            out.add(new Row(name, value, numeric, summary, bits, before != null && !before.equals(value)));
        }
        Map<String, String> now = new HashMap<>();
        out.forEach(r -> now.put(r.name(), r.value()));
        previousStop = now;
        rows.setAll(out);
    }

    /** gdb's hex ({@code 0x80010011}) or decimal; empty for vector registers and {@code <unavailable>}. */
    static OptionalLong parse(String value) {
        String v = value.strip();
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return OptionalLong.of(Long.parseUnsignedLong(v.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A value padded to the register's width: 16 hex digits for 64-bit registers, 4 for selectors. */
    public static String formatted(Row row) {
        if (row.numeric().isEmpty()) {
            return row.value();
        }
        int digits = switch (row.name()) {
            case "cs", "ss", "ds", "es", "fs", "gs" -> 4;
            default -> 16;
        };
        String hex = Long.toHexString(row.numeric().getAsLong());
        return "0x" + "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    @Override
    protected void clear() {
        rows.clear();
    }

    @Override
    public void detach() {
        super.detach();
        previousStop = new HashMap<>();
    }
}
