package dev.porthole.gdb;

import java.util.Optional;

/** A local variable or argument of one frame, with its value as the debugger prints it. */
public record Variable(String name, String value, Optional<String> type, boolean argument) {
}
