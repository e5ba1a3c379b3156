package dev.porthole.trace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.launcher.cli.CliArgs;
import dev.porthole.launcher.cli.CliCommand;
import dev.porthole.trace.analysis.CriticalPath;
import dev.porthole.trace.analysis.PhaseStats;
import dev.porthole.trace.analysis.PhaseTable;
import dev.porthole.trace.analysis.TraceDiff;
import dev.porthole.trace.io.ChromeTraceWriter;
import dev.porthole.trace.io.UnreadableTraceException;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceTooLargeException;
import dev.porthole.trace.run.TraceSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code porthole trace stats|export|diff}: summarise, convert and compare traces and runs. */
public final class TraceCommand implements CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "summarise, export or diff boot traces (run directories, Chrome JSON, trace streams, Unikraft logs)";
    }

    @Override
    public String usage() {
        return """
                usage: porthole trace stats  FILE|RUN_DIR [--json]
                       porthole trace export FILE|RUN_DIR --format chrome -o OUT.json[.gz]
                       porthole trace diff   A B [--json]

                FILE is a Chrome Trace Event JSON file (.json or .json.gz), a Porthole trace stream (trace.log) or a
                Unikraft console log. RUN_DIR is a run record (runs/<id>/): its trace.log and timings.json are read
                and host phases and guest stages are put on one axis.
                  stats   the phase table (count, total, self, min/median/max) and the boot critical path
                  export  write Chrome Trace Event JSON that Perfetto UI (ui.perfetto.dev) and chrome://tracing open
                  diff    per-phase change from A to B, largest change first
                  --json  the last line of output is one JSON object
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("trace needs a subcommand: stats, export or diff");
        }
        String sub = args.get(0);
        // -o is the one short option (as in the issue's usage); CliArgs spells options --name
        List<String> rest = args.subList(1, args.size()).stream().map(a -> a.equals("-o") ? "--output" : a).toList();
        try {
            return switch (sub) {
                case "stats" -> stats(CliArgs.parse(rest, Set.of(), Set.of("json")), out, err);
                case "export" -> export(CliArgs.parse(rest, Set.of("format", "output"), Set.of()), out, err);
                case "diff" -> diff(CliArgs.parse(rest, Set.of(), Set.of("json")), out, err);
                default -> throw new UsageException("unknown trace subcommand '" + sub + "' (use stats, export or diff)");
            };
        } catch (UnreadableTraceException | TraceTooLargeException e) {
            err.println("porthole trace " + sub + ": " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("porthole trace " + sub + ": " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
            return 1;
        }
    }

    private static Path one(CliArgs a, String what) {
        List<String> p = a.positionals(1, what);
        if (p.isEmpty()) {
            throw new UsageException("missing " + what);
        }
        return Path.of(p.get(0));
    }

    private int stats(CliArgs a, PrintStream out, PrintStream err) throws IOException {
        Path path = one(a, "FILE or RUN_DIR");
        Trace trace = TraceSources.open(path);
        List<PhaseStats> phases = PhaseTable.of(trace);
        CriticalPath path0 = CriticalPath.of(trace);
        trace.report().warnings().forEach(w -> err.println("warning: " + w));
        if (a.flag("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", path.toString());
            json.put("format", trace.report().format());
            json.put("events", trace.eventCount());
            json.put("tracks", trace.tracks().size());
            json.put("duration_us", trace.durationTime() / 1000.0);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PhaseStats s : phases) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", s.name());
                row.put("count", s.count());
                row.put("total_us", s.totalNs() / 1000.0);
                row.put("self_us", s.selfNs() / 1000.0);
                row.put("min_us", s.minNs() / 1000.0);
                row.put("median_us", s.medianNs() / 1000.0);
                row.put("max_us", s.maxNs() / 1000.0);
                rows.add(row);
            }
            json.put("phases", rows);
            List<Map<String, Object>> stages = new ArrayList<>();
            for (CriticalPath.Stage s : path0.stages()) {
                stages.add(Map.of("name", s.name(), "start_us", s.startNs() / 1000.0, "duration_us", s.durationNs() / 1000.0,
                        "share", s.share()));
            }
            json.put("critical_path", Map.of("track", path0.track(), "total_us", path0.totalNs() / 1000.0,
                    "gap_us", path0.gapNs() / 1000.0, "stages", stages));
            json.put("warnings", trace.report().warnings());
            out.println(JSON.writeValueAsString(json));
            return 0;
        }
        out.printf("%s: %s, %,d events on %d tracks, %s%n", path, trace.report().format(), trace.eventCount(),
                trace.tracks().size(), ms(trace.durationTime()));
        out.println();
        out.printf("%-48s %8s %12s %12s %10s %10s %10s%n", "phase", "count", "total", "self", "min", "median", "max");
        for (PhaseStats s : phases) {
            out.printf("%-48s %8d %12s %12s %10s %10s %10s%n", clip(s.name(), 48), s.count(), ms(s.totalNs()),
                    ms(s.selfNs()), ms(s.minNs()), ms(s.medianNs()), ms(s.maxNs()));
        }
        if (!path0.stages().isEmpty()) {
            out.println();
            out.printf("critical path (%s): %s%n", path0.track(), ms(path0.totalNs()));
            for (CriticalPath.Stage s : path0.stages()) {
                out.printf("  %-40s %12s %5.1f%%  %s%n", clip(s.name(), 40), ms(s.durationNs()), s.share() * 100,
                        "#".repeat((int) Math.round(s.share() * 40)));
            }
            if (path0.gapNs() > 0) {
                out.printf("  %-40s %12s %5.1f%%%n", "(between stages)", ms(path0.gapNs()),
                        path0.totalNs() == 0 ? 0 : path0.gapNs() * 100.0 / path0.totalNs());
            }
        }
        return 0;
    }

    private int export(CliArgs a, PrintStream out, PrintStream err) throws IOException {
        Path path = one(a, "FILE or RUN_DIR");
        String format = a.value("format").orElse("chrome");
        if (!format.equals("chrome")) {
            throw new UsageException("--format " + format + " is not supported; the only format is chrome");
        }
        String target = a.value("output")
                .orElseThrow(() -> new UsageException("export needs -o OUT.json (or OUT.json.gz)"));
        Trace trace = TraceSources.open(path);
        trace.report().warnings().forEach(w -> err.println("warning: " + w));
        Path outFile = Path.of(target);
        ChromeTraceWriter.write(trace, outFile);
        out.printf("wrote %,d events on %d tracks to %s (open it in https://ui.perfetto.dev or chrome://tracing)%n",
                trace.eventCount(), trace.tracks().size(), outFile);
        return 0;
    }

    private int diff(CliArgs a, PrintStream out, PrintStream err) throws IOException {
        List<String> p = a.positionals(2, "A B");
        if (p.size() < 2) {
            throw new UsageException("diff needs two traces or run directories: A B");
        }
        Trace ta = TraceSources.open(Path.of(p.get(0)));
        Trace tb = TraceSources.open(Path.of(p.get(1)));
        ta.report().warnings().forEach(w -> err.println("warning: A: " + w));
        tb.report().warnings().forEach(w -> err.println("warning: B: " + w));
        List<TraceDiff.Row> rows = TraceDiff.of(ta, tb);
        if (a.flag("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("a", p.get(0));
            json.put("b", p.get(1));
            json.put("duration_a_us", ta.durationTime() / 1000.0);
            json.put("duration_b_us", tb.durationTime() / 1000.0);
            List<Map<String, Object>> list = new ArrayList<>();
            for (TraceDiff.Row r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", r.name());
                row.put("count_a", r.countA());
                row.put("count_b", r.countB());
                row.put("total_a_us", r.totalA() / 1000.0);
                row.put("total_b_us", r.totalB() / 1000.0);
                row.put("delta_us", r.deltaNs() / 1000.0);
                list.add(row);
            }
            json.put("phases", list);
            out.println(JSON.writeValueAsString(json));
            return 0;
        }
        out.printf("A: %s (%s)%nB: %s (%s)%n%n", p.get(0), ms(ta.durationTime()), p.get(1), ms(tb.durationTime()));
        out.printf("%-48s %12s %12s %12s %8s%n", "phase", "A", "B", "change", "%");
        for (TraceDiff.Row r : rows) {
            double rel = r.relative();
            out.printf("%-48s %12s %12s %12s %8s%n", clip(r.name(), 48), ms(r.totalA()), ms(r.totalB()),
                    (r.deltaNs() >= 0 ? "+" : "") + ms(r.deltaNs()),
                    Double.isInfinite(rel) ? "new" : String.format("%+.1f", rel * 100));
        }
        return 0;
    }

    static String ms(long ns) {
        return String.format("%.3f ms", ns / 1e6);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
