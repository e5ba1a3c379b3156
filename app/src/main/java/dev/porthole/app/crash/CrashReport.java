package dev.porthole.app.crash;

import dev.porthole.app.debug.PanicReport;
import dev.porthole.build.layout.Symbolizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A guest panic with its backtrace turned into functions and source lines. */
public record CrashReport(PanicReport panic, List<Frame> frames) {

    /** One backtrace entry: the raw address, and where it is when the debug image knows. */
    public record Frame(int level, long address, Optional<String> function, long offset, Optional<Path> file,
                        OptionalInt line, String sourceText) {
        public String functionText() {
            return function.map(f -> f + "+0x" + Long.toHexString(offset)).orElse("??");
        }
    }

    /**
     * Symbolizes the panic's backtrace with the debug image. Frames after #0 are return addresses, looked up at
     * {@code address - 1} so a call that is a function's last instruction is still placed in that function.
     *
     * @param sourceRoots folders to resolve the symbolizer's relative file names against (the workspace and above)
     */
    public static CrashReport symbolize(PanicReport panic, Optional<Symbolizer> symbolizer, List<Path> sourceRoots) {
        List<Long> lookups = new ArrayList<>();
        for (int i = 0; i < panic.backtrace().size(); i++) {
            long address = panic.backtrace().get(i);
            lookups.add(i == 0 ? address : address - 1);
        }
        List<String> lines = symbolizer.map(s -> s.sourceLines(lookups)).orElseGet(() -> new ArrayList<>(java.util.Collections.nCopies(lookups.size(), null)));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            long lookup = lookups.get(i);
            Optional<Symbolizer.Location> location = symbolizer.flatMap(s -> s.locate(lookup));
            String source = lines.get(i);
            Optional<Path> file = Optional.empty();
            OptionalInt line = OptionalInt.empty();
            if (source != null) {
                int colon = source.lastIndexOf(':');
                String name = colon > 0 ? source.substring(0, colon) : source;
                String number = colon > 0 ? source.substring(colon + 1).replaceAll("[^0-9].*", "") : "";
                file = resolve(name, sourceRoots);
                line = number.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(number));
            }
            long returnAdjust = i == 0 ? 0 : 1; // the offset of the address itself, not of the looked-up call
            long offset = location.map(l -> l.offset() + returnAdjust).orElse(0L);
            frames.add(new Frame(i, panic.backtrace().get(i), location.map(Symbolizer.Location::symbol), offset, file, line,
                    source == null ? "" : source));
        }
        return new CrashReport(panic, frames);
    }

    /** The first frame with a source line: where the guest really was when it died. */
    public Optional<Frame> faultingFrame() {
        return frames.stream().filter(f -> f.file().isPresent() && f.line().isPresent()).findFirst();
    }

    private static Optional<Path> resolve(String name, List<Path> roots) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? Optional.of(given) : Optional.empty();
        }
        for (Path root : roots) {
            for (Path dir = root.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(given).normalize();
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
