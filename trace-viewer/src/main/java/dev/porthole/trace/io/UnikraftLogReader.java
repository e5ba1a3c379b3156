package dev.porthole.trace.io;

import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.TraceBuilder;
import dev.porthole.trace.model.TrackKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Unikraft console log: {@code [sec.usec] LEVEL: [lib] <file @ line> message}, with LEVEL one of
 * {@code Info}, {@code Warn}, {@code ERR}, {@code CRIT}, {@code dbg}. Each message becomes an instant on a lane
 * per library, with {@code level}, {@code file} and {@code line} as arguments.
 *
 * <p>Real consoles are messy (see fixtures/unikraft): CRLF line ends, ANSI escape codes, the first message
 * glued to SeaBIOS's "Booting from ROM..", a banner without timestamps, and every stamp 0.000000 until the
 * TSC is calibrated. Escape codes and CRs are removed; a message is found anywhere in a line; a line without
 * one (the banner, the application's own output) becomes an instant on the {@code console} lane at the
 * last time seen, with level {@code out}.
 */
public final class UnikraftLogReader implements TraceReader {
    public static final String FORMAT = "Unikraft console log";
    public static final long CONSOLE_PID = 3;
    public static final String CONSOLE_PROCESS = "guest console";
    /** A message, anywhere in a line. Groups: sec, usec, level, lib, file, line, text. */
    static final Pattern MESSAGE = Pattern.compile(
            "\\[\\s*(\\d{1,12})\\.(\\d{6})\\]\\s+(Info|Warn|ERR|CRIT|dbg)\\s*:\\s*\\[([^\\]\\s]+)\\]\\s*<([^>@]*?)\\s*@\\s*(\\d+)\\s*>\\s?(.*)");
    private final long offsetNs;
    private static final Pattern ANSI = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[@-~])");

    public UnikraftLogReader() {
        this(0);
    }

    /** @param offsetNs added to every timestamp: where the guest's time 0 sits on a run's host axis */
    public UnikraftLogReader(long offsetNs) {
        this.offsetNs = offsetNs;
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    /** Whether {@code text} (the start of a file) holds at least one Unikraft console message. */
    public static boolean looksLikeUnikraft(String text) {
        return MESSAGE.matcher(clean(text)).find();
    }

    @Override
    public void read(InputStream in, TraceBuilder b) throws IOException {
        b.report().format(FORMAT);
        StringPool strings = b.strings();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        Map<String, Integer> lanes = new HashMap<>();
        int levelKey = strings.intern("level");
        int fileKey = strings.intern("file");
        int lineKey = strings.intern("line");
        int cat = strings.intern("console");
        long lastNs = offsetNs;
        long messages = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            String line = clean(raw);
            Matcher m = MESSAGE.matcher(line);
            if (!m.find()) {
                if (!line.isBlank()) {
                    int lane = lane(b, lanes, "console");
                    int mark = b.argsMark();
                    b.addArgString(levelKey, strings.intern("out"));
                    b.instant(lane, lastNs, strings.intern(line.strip()), cat, mark);
                }
                continue;
            }
            String before = line.substring(0, m.start()).strip();
            long ns = offsetNs + Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1000L;
            if (!before.isEmpty()) {
                // firmware output the first message is glued to ("Booting from ROM..")
                int mark = b.argsMark();
                b.addArgString(levelKey, strings.intern("out"));
                b.instant(lane(b, lanes, "console"), lastNs, strings.intern(before), cat, mark);
            }
            lastNs = ns;
            int lane = lane(b, lanes, m.group(4));
            int mark = b.argsMark();
            b.addArgString(levelKey, strings.intern(m.group(3)));
            b.addArgString(fileKey, strings.intern(m.group(5).strip()));
            b.addArgLong(lineKey, Long.parseLong(m.group(6)));
            b.instant(lane, ns, strings.intern(m.group(7).strip()), cat, mark);
            messages++;
        }
        if (messages == 0) {
            throw new UnreadableTraceException("not a trace I can read as " + FORMAT
                    + ": no line of the form '[sec.usec] LEVEL: [lib] <file @ line> message'");
        }
    }

    private static int lane(TraceBuilder b, Map<String, Integer> lanes, String name) {
        return lanes.computeIfAbsent(name, n -> b.namedTrack(TrackKind.LANE, CONSOLE_PID, lanes.size() + 1L,
                CONSOLE_PROCESS, n));
    }

    static String clean(String line) {
        String noEscapes = line.indexOf('\u001b') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
        return noEscapes.replace("\r", "");
    }
}
