package dev.porthole.app.debug.view;

import dev.porthole.gdb.DebugEvent;
import dev.porthole.gdb.MemoryBlock;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * A window of guest memory as rows of 16 bytes. The user goes to an address or any expression gdb evaluates to one
 * ({@code &trace_ring}, {@code $rsp}, {@code 0x100000}); pages move the window; following a pointer reads the 8 bytes
 * at the selected byte as a little-endian address. At every stop the same window is read again and the bytes that
 * differ from the previous stop are marked.
 */
public final class MemoryViewModel extends PanelViewModel {
    public static final int BYTES_PER_ROW = 16;
    /** How much is read at a time: small enough for one MI round trip, big enough to scroll through. */
    public static final int DEFAULT_WINDOW = 1024;

    /** One row: its address, its bytes and which of them changed since the previous stop. */
    public record Row(long address, byte[] bytes, boolean[] changed) {
        public String addressText() {
            return String.format("%016x", address);
        }

        public String hex(int i) {
            return i < bytes.length ? String.format("%02x", bytes[i] & 0xff) : "  ";
        }

        /** Printable ASCII, a dot for everything else. */
        public String ascii() {
            StringBuilder sb = new StringBuilder(bytes.length);
            for (byte b : bytes) {
                int c = b & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
            }
            return sb.toString();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper baseAddress = new ReadOnlyLongWrapper(this, "baseAddress", -1);
    private final ReadOnlyLongWrapper selectedAddress = new ReadOnlyLongWrapper(this, "selectedAddress", -1);
    private final ReadOnlyStringWrapper expression = new ReadOnlyStringWrapper(this, "expression", "");
    private final int window;
    private MemoryBlock current;
    private MemoryBlock previousStop;

    public MemoryViewModel(Executor ui, int windowBytes) {
        super(ui);
        if (windowBytes <= 0 || windowBytes % BYTES_PER_ROW != 0) {
            throw new IllegalArgumentException("the window must be a positive multiple of " + BYTES_PER_ROW + ", got " + windowBytes);
        }
        this.window = windowBytes;
    }

    public MemoryViewModel() {
        this(FxThread.EXECUTOR, DEFAULT_WINDOW);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The first address shown, -1 before anything was read. */
    public ReadOnlyLongProperty baseAddressProperty() {
        return baseAddress.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty selectedAddressProperty() {
        return selectedAddress.getReadOnlyProperty();
    }

    /** What the user last asked for, as typed. */
    public ReadOnlyStringProperty expressionProperty() {
        return expression.getReadOnlyProperty();
    }

    public int windowBytes() {
        return window;
    }

    /** Shows memory at {@code addressExpression}: an address, a symbol's address, a register. */
    public void goTo(String addressExpression) {
        if (addressExpression == null || addressExpression.isBlank()) {
            setError("type an address or an expression, e.g. &trace_ring or $rsp");
            return;
        }
        expression.set(addressExpression.strip());
        read(addressExpression.strip());
    }

    public void goTo(long address) {
        expression.set(hex(address));
        read(hex(address));
    }

    public void pageDown() {
        if (baseAddress.get() >= 0) {
            goTo(baseAddress.get() + window);
        }
    }

    public void pageUp() {
        if (baseAddress.get() >= 0) {
            goTo(Math.max(0, baseAddress.get() - window));
        }
    }

    public void select(long address) {
        selectedAddress.set(address);
    }

    /** Reads the 8 bytes at the selected byte as a little-endian address and goes there. */
    public void followPointer() {
        long at = selectedAddress.get();
        if (at < 0) {
            setError("select the first byte of a pointer first (click it)");
            return;
        }
        OptionalLong shown = pointerAt(at);
        if (shown.isPresent()) {
            goTo(shown.getAsLong());
            return;
        }
        session().ifPresent(s -> deliver(s.readMemory(hex(at), 8), "could not read a pointer at " + hex(at),
                block -> goTo(littleEndian(block.bytes(), 0))));
    }

    /** The 8-byte little-endian value at {@code address} if the window holds all of it. */
    public OptionalLong pointerAt(long address) {
        if (current == null) {
            return OptionalLong.empty();
        }
        long offset = address - current.address();
        if (offset < 0 || offset + 8 > current.length()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(littleEndian(current.bytes(), (int) offset));
    }

    static long littleEndian(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes[offset + i] & 0xffL);
        }
        return v;
    }

    private void read(String addressExpression) {
        if (session().isEmpty()) {
            setError("no debug session: memory can be read once the target is stopped");
            return;
        }
        if (!stoppedProperty().get()) {
            setStatus("the target is running; memory at " + addressExpression + " is read at the next stop");
            return;
        }
        deliver(session().get().readMemory(addressExpression, window), "could not read " + window + " bytes at " + addressExpression,
                block -> {
                    setStatus("");
                    show(block);
                });
    }

    @Override
    protected void refresh(DebugEvent.Stopped stop) {
        previousStop = current;
        if (baseAddress.get() >= 0) {
            // the same window again; an expression like $rsp is not re-evaluated, so the rows stay put
            read(hex(baseAddress.get()));
        } else if (!expression.get().isEmpty()) {
            read(expression.get());
        }
    }

    private void show(MemoryBlock block) {
        current = block;
        baseAddress.set(block.address());
        List<Row> out = new ArrayList<>(block.length() / BYTES_PER_ROW + 1);
        for (int offset = 0; offset < block.length(); offset += BYTES_PER_ROW) {
            int n = Math.min(BYTES_PER_ROW, block.length() - offset);
            byte[] bytes = new byte[n];
            System.arraycopy(block.bytes(), offset, bytes, 0, n);
            boolean[] changed = new boolean[n];
            for (int i = 0; i < n; i++) {
                changed[i] = changedSincePreviousStop(block.address() + offset + i, bytes[i]);
            }
            out.add(new Row(block.address() + offset, bytes, changed));
        }
        rows.setAll(out);
    }

    private boolean changedSincePreviousStop(long address, byte now) {
        if (previousStop == null) {
            return false;
        }
        long offset = address - previousStop.address();
        return offset >= 0 && offset < previousStop.length() && previousStop.bytes()[(int) offset] != now;
    }

    @Override
    protected void clear() {
        rows.clear();
    }

    @Override
    public void detach() {
        super.detach();
        current = null;
        previousStop = null;
        baseAddress.set(-1);
        selectedAddress.set(-1);
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
