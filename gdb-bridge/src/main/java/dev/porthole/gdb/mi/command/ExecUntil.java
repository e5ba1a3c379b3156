package dev.porthole.gdb.mi.command;

import java.util.List;
import java.util.Optional;

/**
 * {@code -exec-until [LOCATION]}: run until LOCATION (stop reason {@code location-reached}) or, without one,
 * until a line greater than the current is reached (leaving a loop).
 */
public final class ExecUntil extends ExecCommand {
    public ExecUntil(Optional<String> location) {
        super("-exec-until", location.map(List::of).orElse(List.of()));
    }
}
