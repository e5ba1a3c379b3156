package dev.porthole.trace.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.porthole.launcher.AtomicFiles;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Chrome Trace Event JSON (object shape) that Perfetto UI and chrome://tracing open: process_name and
 * thread_name metadata first, then every event as X (slices), i (instants, thread scope) or C (counters), with
 * {@code ts}/{@code dur} in µs with up to three decimals, so nanoseconds survive the round trip exactly.
 */
public final class ChromeTraceWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ChromeTraceWriter() {
    }

    /** Writes to {@code file} atomically (see {@link AtomicFiles}); gzip-compressed when the name ends in .gz. */
    public static void write(Trace trace, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            if (file.toString().endsWith(".gz")) {
                try (GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16)) {
                    write(trace, gz);
                }
            } else {
                write(trace, raw);
            }
        });
    }

    public static void write(Trace trace, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            writeMetadata(trace, g);
            for (Track track : trace.tracks()) {
                for (int e = track.firstEvent(); e < track.endEvent(); e++) {
                    writeEvent(trace, track, e, g);
                }
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ns");
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeMetadata(Trace trace, JsonGenerator g) throws IOException {
        Map<Long, String> processes = new LinkedHashMap<>();
        for (Track t : trace.tracks()) {
            if (!t.process().isEmpty()) {
                processes.putIfAbsent(t.pid(), t.process());
            }
        }
        for (Map.Entry<Long, String> p : processes.entrySet()) {
            metadata(g, "process_name", p.getKey(), 0, "name", p.getValue());
        }
        for (Track t : trace.tracks()) {
            if (t.kind() != TrackKind.COUNTER) {
                metadata(g, "thread_name", t.pid(), t.tid(), "name", t.name());
                if (t.sortIndex() != 0) {
                    g.writeStartObject();
                    g.writeStringField("name", "thread_sort_index");
                    g.writeStringField("ph", "M");
                    g.writeNumberField("pid", t.pid());
                    g.writeNumberField("tid", t.tid());
                    g.writeObjectFieldStart("args");
                    g.writeNumberField("sort_index", t.sortIndex());
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
        }
    }

    private static void metadata(JsonGenerator g, String what, long pid, long tid, String key, String value)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", what);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField(key, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeEvent(Trace trace, Track track, int e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", trace.name(e));
        if (trace.categoryId(e) != 0) {
            g.writeStringField("cat", trace.category(e));
        }
        switch (trace.kind(e)) {
            case SLICE -> {
                g.writeStringField("ph", "X");
                g.writeFieldName("ts");
                g.writeNumber(micros(trace.start(e)));
                g.writeFieldName("dur");
                g.writeNumber(micros(trace.duration(e)));
            }
            case INSTANT -> {
                g.writeStringField("ph", "i");
                g.writeStringField("s", "t");
                g.writeFieldName("ts");
                g.writeNumber(micros(trace.start(e)));
            }
            case COUNTER -> {
                g.writeStringField("ph", "C");
                g.writeFieldName("ts");
                g.writeNumber(micros(trace.start(e)));
            }
        }
        g.writeNumberField("pid", track.pid());
        g.writeNumberField("tid", track.tid());
        int n = trace.argCount(e);
        if (n > 0) {
            g.writeObjectFieldStart("args");
            for (int i = 0; i < n; i++) {
                g.writeFieldName(trace.argKey(e, i));
                long raw = trace.argRaw(e, i);
                switch (trace.argKind(e, i)) {
                    case STRING -> g.writeString(trace.strings().get((int) raw));
                    case LONG -> g.writeNumber(raw);
                    case DOUBLE -> g.writeNumber(Double.longBitsToDouble(raw));
                    case BOOLEAN -> g.writeBoolean(raw != 0);
                    case NULL -> g.writeNull();
                    case JSON -> g.writeRawValue(trace.strings().get((int) raw));
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** ns as a µs decimal: 1500 -> "1.5", 2000 -> "2". */
    static String micros(long ns) {
        if (ns % 1000 == 0) {
            return Long.toString(ns / 1000);
        }
        return BigDecimal.valueOf(ns, 3).stripTrailingZeros().toPlainString();
    }
}
