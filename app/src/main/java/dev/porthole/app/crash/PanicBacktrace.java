package dev.porthole.app.crash;

import dev.porthole.app.debug.PanicReport;
import dev.porthole.build.layout.Symbolizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** For {@code porthole run}: a panic's backtrace with names and source lines, the same way the Crash view shows it. */
public final class PanicBacktrace {
    private PanicBacktrace() {
    }

    /** Implements the launcher's {@code PanicSymbolizer}. */
    public static List<String> describe(Path debugImage, List<String> consoleLines) throws Exception {
        Optional<PanicReport> panic = PanicReport.parse(consoleLines);
        if (panic.isEmpty()) {
            return List.of();
        }
        CrashReport report = CrashReport.symbolize(panic.get(), Optional.of(Symbolizer.forImage(debugImage)), List.of(debugImage.getParent()));
        return report.frames().stream()
                .map(f -> String.format("#%-2d 0x%016x %s%s", f.level(), f.address(), f.functionText(),
                        f.sourceText().isEmpty() ? "" : " (" + f.sourceText() + ")"))
                .toList();
    }
}
