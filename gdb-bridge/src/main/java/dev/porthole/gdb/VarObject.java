package dev.porthole.gdb;

import java.util.Optional;

/**
 * A watch expression the debugger keeps alive across stops (gdb "variable object"): its value, type and
 * how many children it has, so a struct can be expanded member by member.
 *
 * @param handle     the debugger's name for it ({@code var1}, {@code var1.x}); pass it back to expand or delete
 * @param expression what the user typed, or the member name for a child
 */
public record VarObject(String handle, String expression, String value, Optional<String> type, int childCount,
                        boolean dynamic) {

    public boolean expandable() {
        return childCount > 0 || dynamic;
    }
}
