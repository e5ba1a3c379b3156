package dev.porthole.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads the run records under a workspace's {@code runs/} folder (written by qemu-launcher's {@code RunRecord}).
 * Tolerant by design: a run still going has no {@code exit.json}, a Porthole killed mid-run leaves a partial
 * record, and either is listed as it is rather than hidden.
 */
public final class RunHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runsRoot;

    public RunHistory(Path runsRoot) {
        this.runsRoot = runsRoot;
    }

    public Path root() {
        return runsRoot;
    }

    /** Every run, newest first. */
    public List<RunSummary> list() throws IOException {
        if (!Files.isDirectory(runsRoot)) {
            return List.of();
        }
        List<RunSummary> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                runs.add(read(dir));
            }
        }
        runs.sort(Comparator.comparing(RunHistory::sortKey).reversed());
        return runs;
    }

    /** {@code 20261126-192233-2} sorts after {@code -1} and before {@code -10} of the same second. */
    private static String sortKey(RunSummary run) {
        String id = run.id();
        int dash = id.lastIndexOf('-');
        if (dash < 0) {
            return id;
        }
        String n = id.substring(dash + 1);
        return n.chars().allMatch(Character::isDigit) ? id.substring(0, dash) + "-" + "0".repeat(Math.max(0, 6 - n.length())) + n : id;
    }

    public static RunSummary read(Path dir) {
        Optional<JsonNode> exit = json(dir.resolve(RunRecord.EXIT));
        Optional<JsonNode> timings = json(dir.resolve(RunRecord.TIMINGS));
        Optional<JsonNode> launch = json(dir.resolve(RunRecord.LAUNCH));
        Optional<String> reason = exit.map(e -> e.path("reason").asText(null)).map(r -> r.toLowerCase(Locale.ROOT).replace('_', '-'));
        OptionalInt code = exit.filter(e -> e.path("code").isNumber()).map(e -> OptionalInt.of(e.path("code").asInt())).orElse(OptionalInt.empty());
        OptionalDouble total = timings.map(t -> t.path("ms_since_spawn").path("exit"))
                .filter(JsonNode::isNumber).map(n -> OptionalDouble.of(n.asDouble())).orElse(OptionalDouble.empty());
        String append = launch.map(l -> firstText(l, "append", "spec.append")).orElse("");
        String machine = launch.map(l -> firstText(l, "machine", "spec.machine")).orElse("").toLowerCase(Locale.ROOT);
        boolean hasTrace = Files.isRegularFile(dir.resolve(RunRecord.TRACE)) && sizeOf(dir.resolve(RunRecord.TRACE)) > 0;
        return new RunSummary(dir.getFileName().toString(), dir, reason, code, total, append, machine, hasTrace);
    }

    private static String firstText(JsonNode node, String... dottedPaths) {
        for (String path : dottedPaths) {
            JsonNode n = node;
            for (String part : path.split("\\.")) {
                n = n.path(part);
            }
            if (n.isTextual()) {
                return n.asText();
            }
        }
        return "";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<JsonNode> json(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
