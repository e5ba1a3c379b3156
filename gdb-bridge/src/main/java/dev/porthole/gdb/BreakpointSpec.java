package dev.porthole.gdb;

import java.util.Objects;
import java.util.Optional;

/**
 * What to break at. {@code location} is anything gdb's {@code -break-insert} takes ({@code kmain},
 * {@code app_compute.c:42}, {@code *0x100210}) or, for JDI, {@code com.example.Main:17}.
 *
 * @param hardware {@code null}: let the session choose (hardware under KVM, where software breakpoints
 *                 patch guest memory and can be lost; either works under TCG); otherwise forced
 * @param ignoreCount the number of hits to pass before stopping
 */
public record BreakpointSpec(String location, Boolean hardware, boolean temporary, Optional<String> condition,
                             int ignoreCount, boolean disabled) {

    public BreakpointSpec {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("a breakpoint needs a location (function, file:line or *address)");
        }
        if (ignoreCount < 0) {
            throw new IllegalArgumentException("ignore count must be >= 0, got " + ignoreCount);
        }
        condition = condition.filter(c -> !c.isBlank());
    }

    public static BreakpointSpec at(String location) {
        return new BreakpointSpec(location, null, false, Optional.empty(), 0, false);
    }

    public BreakpointSpec withHardware(boolean hw) {
        return new BreakpointSpec(location, hw, temporary, condition, ignoreCount, disabled);
    }

    public BreakpointSpec asTemporary() {
        return new BreakpointSpec(location, hardware, true, condition, ignoreCount, disabled);
    }

    public BreakpointSpec withCondition(String expression) {
        return new BreakpointSpec(location, hardware, temporary, Optional.ofNullable(expression), ignoreCount, disabled);
    }

    public BreakpointSpec withIgnoreCount(int count) {
        return new BreakpointSpec(location, hardware, temporary, condition, count, disabled);
    }

    public BreakpointSpec asDisabled() {
        return new BreakpointSpec(location, hardware, temporary, condition, ignoreCount, true);
    }
}
