package dev.porthole.gdb;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A breakpoint or watchpoint as the debugger reports it.
 *
 * @param id        the debugger's number (gdb's breakpoint number)
 * @param hardware  true for a hardware breakpoint/watchpoint (debug registers), false for a software one
 * @param location  what the user asked for ({@code kmain}) or the watched expression
 * @param hits      how often it was hit so far
 */
public record Breakpoint(int id, BreakpointKind kind, boolean hardware, boolean enabled, boolean temporary,
                         String location, OptionalLong address, Optional<String> function, Optional<String> file,
                         OptionalInt line, Optional<String> condition, int ignoreCount, int hits) {

    /** A short line for lists: {@code #1 hw kmain at main.c:26}. */
    public String describe() {
        String where = location;
        if (function.isPresent()) {
            where = function.get() + file.map(f -> " at " + f + (line.isPresent() ? ":" + line.getAsInt() : "")).orElse("");
        }
        String what = switch (kind) {
            case CODE -> hardware ? "hw breakpoint" : "breakpoint";
            case WATCH_WRITE -> (hardware ? "hw " : "") + "watchpoint";
            case WATCH_READ -> "read watchpoint";
            case WATCH_ACCESS -> "access watchpoint";
        };
        return "#" + id + " " + what + " " + where + (enabled ? "" : " (disabled)")
                + condition.map(c -> " if " + c).orElse("");
    }
}
