package dev.porthole.app.runs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One past run as the Runs panel lists it.
 *
 * @param id          the folder name, {@code yyyyMMdd-HHmmss-n} (UTC), which also sorts runs in time
 * @param reason      how it ended ({@code exit}, {@code panic}, ...), empty while it runs or when the record was cut off
 * @param code        the guest's exit code
 * @param spawnToExitMs whole-run time from QEMU's spawn to its exit
 * @param append      the guest's command line
 */
public record RunSummary(String id, Path dir, Optional<String> reason, OptionalInt code, OptionalDouble spawnToExitMs,
                         String append, String machine, boolean hasTrace) {

    public String outcome() {
        if (reason.isEmpty()) {
            return "running or cut off";
        }
        return reason.get() + code.stream().mapToObj(c -> " " + c).findFirst().orElse("");
    }

    public boolean succeeded() {
        return reason.filter(r -> r.equals("exit")).isPresent() && code.orElse(-1) == 0;
    }
}
