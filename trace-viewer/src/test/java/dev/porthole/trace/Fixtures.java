package dev.porthole.trace;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The shared real-world fixtures and the module's captured kernel traces. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/fixtures").resolve(relative).normalize();
            if (Files.exists(sibling)) {
                return sibling;
            }
        }
        Path fallback = Path.of("/work/shared/fixtures").resolve(relative);
        if (Files.exists(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("fixture " + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    public static Path chromium() {
        return shared("chrome/chromium-startup.json.gz");
    }

    public static Path unikraft() {
        return shared("unikraft/helloworld-boot-pc.log");
    }

    public static byte[] chromiumJson() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(chromium()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured kernel trace stream from src/test/resources/dev/porthole/trace/io. */
    public static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/porthole/trace/io/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event as one comparable line: where, what, when, with which arguments. */
    public static List<String> eventLines(Trace trace) {
        List<String> lines = new ArrayList<>(trace.eventCount());
        for (Track t : trace.tracks()) {
            for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                lines.add(t.process() + " | " + t.name() + " | " + trace.kind(e) + " | " + trace.name(e) + " | "
                        + trace.category(e) + " | " + trace.start(e) + " | " + trace.duration(e) + " | " + trace.args(e));
            }
        }
        lines.sort(null);
        return lines;
    }
}
