package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.Breakpoint;
import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.Frame;
import dev.porthole.gdb.mi.MiTuple;
import java.util.OptionalLong;

/** Readers for the tuples several commands share: {@code frame={..}} and {@code bkpt={..}}. */
public final class MiResults {
    private MiResults() {
    }

    /** A {@code frame} tuple from {@code *stopped} or {@code -stack-list-frames}. */
    public static Frame frame(MiTuple t) {
        return new Frame(t.integer("level").orElse(0), t.address("addr").orElse(0), t.string("func", "??"),
                t.string("file"), t.string("fullname"), t.integer("line"));
    }

    /** A {@code bkpt} or {@code wpt} tuple. */
    public static Breakpoint breakpoint(MiTuple t) {
        String type = t.string("type", "breakpoint");
        BreakpointKind kind = switch (type) {
            case "read watchpoint" -> BreakpointKind.WATCH_READ;
            case "acc watchpoint" -> BreakpointKind.WATCH_ACCESS;
            case "watchpoint", "hw watchpoint" -> BreakpointKind.WATCH_WRITE;
            default -> BreakpointKind.CODE;
        };
        // gdb calls every read/access watchpoint hardware (they cannot be done in software)
        boolean hardware = type.startsWith("hw ") || kind == BreakpointKind.WATCH_READ || kind == BreakpointKind.WATCH_ACCESS;
        String location = t.string("original-location").or(() -> t.string("what")).or(() -> t.string("exp")).orElse("?");
        OptionalLong address = t.address("addr");
        return new Breakpoint(parseId(t.string("number", "0")), kind, hardware, !t.string("enabled", "y").equals("n"),
                t.string("disp", "keep").equals("del"), location, address, t.string("func"), t.string("file"),
                t.integer("line"), t.string("cond"), t.integer("ignore").orElse(0), t.integer("times").orElse(0));
    }

    private static int parseId(String number) {
        int dot = number.indexOf('.');
        return Integer.parseInt(dot >= 0 ? number.substring(0, dot) : number);
    }
}
