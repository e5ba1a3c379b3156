package dev.porthole.gdb.jdi;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.Field;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import dev.porthole.gdb.DebugException;
import java.util.ArrayList;
import java.util.List;

/**
 * Values over JDI: printing them as a debugger shows them, and resolving the small expression language JDI
 * sessions accept: a path of names from a local, {@code this}, a field of {@code this} or a static field of the
 * frame's class, through fields ({@code a.b.c}) and array indices ({@code a[3]}). Not arbitrary Java: JDI has no
 * expression evaluator, and compiling one in is more than a workbench needs.
 */
final class JdiValues {
    private JdiValues() {
    }

    static String show(Value v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof StringReference s) {
            return '"' + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof PrimitiveValue) {
            return v.toString();
        }
        if (v instanceof ArrayReference a) {
            String type = a.type().name();
            return type.substring(0, type.indexOf('[')) + "[" + a.length() + "]";
        }
        if (v instanceof ObjectReference o) {
            return simpleName(o.referenceType().name()) + "@" + Long.toHexString(o.uniqueID());
        }
        return v.toString();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static int childCount(Value v) {
        if (v instanceof ArrayReference a) {
            return a.length();
        }
        if (v instanceof ObjectReference o && !(v instanceof StringReference)) {
            return instanceFields(o.referenceType()).size();
        }
        return 0;
    }

    /** The children of a value: (name, value) pairs; names are {@code field} or {@code [i]}. */
    static List<java.util.Map.Entry<String, Value>> children(Value v) {
        List<java.util.Map.Entry<String, Value>> out = new ArrayList<>();
        if (v instanceof ArrayReference a) {
            List<Value> values = a.getValues(0, Math.min(a.length(), 1000));
            for (int i = 0; i < values.size(); i++) {
                out.add(java.util.Map.entry("[" + i + "]", values.get(i)));
            }
        } else if (v instanceof ObjectReference o && !(v instanceof StringReference)) {
            for (Field f : instanceFields(o.referenceType())) {
                out.add(java.util.Map.entry(f.name(), o.getValue(f)));
            }
        }
        return out;
    }


    static List<Field> instanceFields(ReferenceType type) {
        return type.allFields().stream().filter(f -> !f.isStatic()).toList();
    }

    /** Resolves {@code expression} in {@code frame}; see the class comment for what it accepts. */
    static Value evaluate(StackFrame frame, String expression) {
        List<String> path = split(expression);
        if (path.isEmpty()) {
            throw new DebugException("nothing to evaluate");
        }
        String first = path.get(0);
        Value current;
        try {
            if (first.equals("this")) {
                current = frame.thisObject();
            } else {
                LocalVariable local = frame.visibleVariableByName(first);
                if (local != null) {
                    current = frame.getValue(local);
                } else {
                    current = fieldOfThisOrStatic(frame, first, expression);
                }
            }
        } catch (com.sun.jdi.AbsentInformationException e) {
            throw new DebugException("no local variable information for " + frame.location().method()
                    + " (compile with -g to see locals); cannot evaluate '" + expression + "'");
        }
        for (int i = 1; i < path.size(); i++) {
            current = step(current, path.get(i), expression);
        }
        return current;
    }

    private static Value fieldOfThisOrStatic(StackFrame frame, String name, String expression) {
        ObjectReference self = frame.thisObject();
        if (self != null) {
            Field f = self.referenceType().fieldByName(name);
            if (f != null) {
                return f.isStatic() ? self.referenceType().getValue(f) : self.getValue(f);
            }
        }
        ReferenceType type = frame.location().declaringType();
        Field f = type.fieldByName(name);
        if (f != null && f.isStatic()) {
            return type.getValue(f);
        }
        throw new DebugException("'" + name + "' is neither a local, nor a field of this, nor a static field of "
                + type.name() + " (in '" + expression + "')");
    }

    private static Value step(Value current, String part, String expression) {
        if (current == null) {
            throw new DebugException("null reference before '" + part + "' in '" + expression + "'");
        }
        if (part.startsWith("[")) {
            if (!(current instanceof ArrayReference a)) {
                throw new DebugException("'" + part + "' indexes a value that is not an array in '" + expression + "'");
            }
            int index;
            try {
                index = Integer.parseInt(part.substring(1, part.length() - 1).trim());
            } catch (NumberFormatException e) {
                throw new DebugException("array index " + part + " is not a number in '" + expression + "'");
            }
            if (index < 0 || index >= a.length()) {
                throw new DebugException("index " + index + " out of bounds for length " + a.length() + " in '" + expression + "'");
            }
            return a.getValue(index);
        }
        if (part.equals("length") && current instanceof ArrayReference a) {
            return a.virtualMachine().mirrorOf(a.length());
        }
        if (!(current instanceof ObjectReference o)) {
            throw new DebugException("'" + part + "' is applied to a primitive in '" + expression + "'");
        }
        Field f = o.referenceType().fieldByName(part);
        if (f == null) {
            throw new DebugException(o.referenceType().name() + " has no field '" + part + "' (in '" + expression + "')");
        }
        return f.isStatic() ? o.referenceType().getValue(f) : o.getValue(f);
    }

    /** {@code a.b[2].c} -> {@code a, b, [2], c}. */
    static List<String> split(String expression) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : expression.trim().toCharArray()) {
            if (c == '.') {
                flush(parts, cur);
            } else if (c == '[') {
                flush(parts, cur);
                cur.append(c);
            } else if (c == ']') {
                cur.append(c);
                flush(parts, cur);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        flush(parts, cur);
        return parts;
    }

    private static void flush(List<String> parts, StringBuilder cur) {
        if (cur.length() > 0) {
            parts.add(cur.toString());
            cur.setLength(0);
        }
    }


}
