package dev.porthole.gdb.mi;

import java.util.List;
import java.util.Optional;

/** A value in GDB/MI output: a C-string constant, a tuple of named results, or a list. */
public sealed interface MiValue permits MiValue.Const, MiTuple, MiValue.ListValue {

    /** A {@code c-string}, already unescaped. */
    record Const(String text) implements MiValue {
        @Override
        public String toString() {
            return '"' + text + '"';
        }
    }

    /**
     * A list: either of plain values ({@code [v,v]}) or of named results ({@code [name=v,name=v]}, as in
     * {@code stack=[frame={..},frame={..}]}). For the latter, {@link #values()} holds the values and
     * {@link #names()} the names; for the former {@code names()} is empty.
     */
    record ListValue(List<MiValue> values, List<String> names) implements MiValue {
        public ListValue {
            values = List.copyOf(values);
            names = List.copyOf(names);
        }

        public List<MiTuple> tuples() {
            return values.stream().filter(MiTuple.class::isInstance).map(MiTuple.class::cast).toList();
        }

        public List<String> strings() {
            return values.stream().map(MiValue::asString).toList();
        }
    }

    /** This value's text when it is a constant; the empty string for a tuple or list. */
    default String asString() {
        return this instanceof Const c ? c.text() : "";
    }

    default Optional<MiTuple> asTuple() {
        return this instanceof MiTuple t ? Optional.of(t) : Optional.empty();
    }

    default ListValue asList() {
        if (this instanceof ListValue l) {
            return l;
        }
        if (this instanceof MiTuple t && t.isEmpty()) {
            return new ListValue(List.of(), List.of()); // gdb writes an empty list as {} in a few places
        }
        return new ListValue(List.of(this), List.of());
    }
}
