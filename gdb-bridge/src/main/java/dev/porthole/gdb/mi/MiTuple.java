package dev.porthole.gdb.mi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Named results in their order: the body of a result or async record, or a {@code {...}} tuple. Names may
 * repeat (gdb writes {@code frame=..,frame=..} inside lists), so lookups return the first match.
 */
public final class MiTuple implements MiValue {
    public static final MiTuple EMPTY = new MiTuple(List.of());

    private final List<Map.Entry<String, MiValue>> entries;

    public MiTuple(List<Map.Entry<String, MiValue>> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public List<Map.Entry<String, MiValue>> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<MiValue> get(String name) {
        for (Map.Entry<String, MiValue> e : entries) {
            if (e.getKey().equals(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The constant named {@code name}, if present. */
    public Optional<String> string(String name) {
        return get(name).filter(MiValue.Const.class::isInstance).map(MiValue::asString);
    }

    /** The constant named {@code name}, or {@code fallback}. */
    public String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    /** The constant named {@code name}; a {@link MiFormatException} names what is missing. */
    public String require(String name) {
        return string(name).orElseThrow(() -> new MiFormatException("expected a field '" + name + "' in " + this));
    }

    public OptionalInt integer(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(s.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A number gdb wrote in decimal or as {@code 0x...}. */
    public OptionalLong address(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        return parseNumber(s.get());
    }

    public MiTuple tuple(String name) {
        return get(name).flatMap(MiValue::asTuple).orElse(EMPTY);
    }

    public MiValue.ListValue list(String name) {
        return get(name).map(MiValue::asList).orElse(new MiValue.ListValue(List.of(), List.of()));
    }

    public static OptionalLong parseNumber(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return OptionalLong.of(Long.parseUnsignedLong(t.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(entries.get(i).getKey()).append('=').append(entries.get(i).getValue());
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiTuple t && t.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
