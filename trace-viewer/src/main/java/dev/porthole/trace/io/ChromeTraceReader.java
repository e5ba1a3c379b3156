package dev.porthole.trace.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.porthole.trace.model.StringPool;
import dev.porthole.trace.model.TraceBuilder;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Chrome Trace Event JSON, both shapes: a bare array of events, or an object whose {@code traceEvents} holds
 * them. Streams with Jackson's {@link JsonParser}: one event at a time, names interned from the parser's
 * buffer, {@code ts}/{@code dur} (µs, fractions allowed) parsed exactly into nanoseconds.
 *
 * <p>Phases: X (complete), B/E (begin/end, matched per thread), i/I/R (instant), C (counter) and M
 * (process_name, thread_name, *_sort_index). Flows, async and object events are skipped and counted.
 * A cut file keeps the events before the cut and says where; the array shape may omit its closing
 * {@code ]}, which the format allows.
 */
public final class ChromeTraceReader implements TraceReader {
    public static final String FORMAT = "Chrome Trace Event JSON";
    private static final long NONE = Long.MIN_VALUE;
    private static final char NO_PHASE = 0;
    private static final char ODD_PHASE = 1;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public void read(InputStream in, TraceBuilder builder) throws IOException {
        JsonParser parser;
        try {
            parser = JSON.createParser(in); // detects UTF-8/16/32 from the first bytes
        } catch (CharConversionException e) {
            throw new UnreadableTraceException("not a trace I can read as " + FORMAT + ": its first bytes are not text ("
                    + e.getMessage() + ")");
        }
        new Session(parser, builder).run();
    }

    private static final class Session {
        private final JsonParser p;
        private final TraceBuilder b;
        private final StringPool strings;
        private final int nameKey;
        private long events;
        private boolean arrayShape;
        private boolean sawStructure;
        private boolean betweenEvents;
        private String oddPhase;

        Session(JsonParser parser, TraceBuilder builder) {
            this.p = parser;
            this.b = builder;
            this.strings = builder.strings();
            this.nameKey = strings.intern("name");
        }

        void run() throws IOException {
            b.report().format(FORMAT);
            try (p) {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_ARRAY) {
                    arrayShape = true;
                    sawStructure = true;
                    readEvents();
                } else if (first == JsonToken.START_OBJECT) {
                    sawStructure = true;
                    readTopObject();
                } else {
                    throw new UnreadableTraceException("not a trace I can read as " + FORMAT + ": it starts with "
                            + (first == null ? "nothing (the input is empty)" : "a " + first.asString())
                            + ", not [ or {");
                }
            } catch (JsonProcessingException | EOFException | ZipException | CharConversionException e) {
                // CharConversionException: bytes that are not text in the encoding Jackson detected (UTF-8/16/32)
                cut(e);
            }
        }

        private void cut(IOException e) throws UnreadableTraceException {
            String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            why = why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse(why);
            if (!sawStructure || events == 0) {
                throw new UnreadableTraceException("not a trace I can read as " + FORMAT + ": " + why + " at "
                        + where());
            }
            if (arrayShape && betweenEvents && isEndOfInput(e)) {
                b.report().note("the JSON array is not closed with ] (the format allows this)");
                return;
            }
            b.report().truncated(where() + " after " + events + " events (" + why + ")");
        }

        private static boolean isEndOfInput(IOException e) {
            return e instanceof EOFException || e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    || String.valueOf(e.getMessage()).contains("end-of-input");
        }

        private String where() {
            JsonLocation at = p.currentLocation();
            return "byte " + at.getByteOffset() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }

        private void readTopObject() throws IOException {
            boolean found = false;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (field.equals("traceEvents") && t == JsonToken.START_ARRAY) {
                    found = true;
                    readEvents();
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                throw new UnreadableTraceException("not a trace I can read as " + FORMAT
                        + ": a JSON object without a \"traceEvents\" array");
            }
        }

        private void readEvents() throws IOException {
            betweenEvents = true;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new EOFException("end of input inside the event array");
                }
                betweenEvents = false;
                if (t == JsonToken.START_OBJECT) {
                    readEvent();
                } else {
                    b.report().countMalformed(where() + ": an array entry that is not an object");
                    p.skipChildren();
                }
                betweenEvents = true;
            }
        }

        private void readEvent() throws IOException {
            int mark = b.argsMark();
            int nameId = 0;
            int catId = 0;
            char phase = NO_PHASE;
            long ts = NONE;
            long dur = NONE;
            long pid = 0;
            long tid = 0;
            String field;
            try {
                while ((field = p.nextFieldName()) != null) {
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "name" -> nameId = text(t);
                        case "cat" -> catId = text(t);
                        case "ph" -> phase = phaseOf(t);
                        case "ts" -> ts = nanos(t);
                        case "dur" -> dur = nanos(t);
                        case "pid" -> pid = id(t);
                        case "tid" -> tid = id(t);
                        case "args" -> readArgs(t);
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                b.discardArgs(mark);
                throw e;
            }
            events++;
            commit(phase, nameId, catId, ts, dur, pid, tid, mark);
        }

        /** The phase letter without allocating a String; {@link #ODD_PHASE} for anything not one character. */
        private char phaseOf(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING && p.getTextLength() == 1) {
                return p.getTextCharacters()[p.getTextOffset()];
            }
            oddPhase = t.isScalarValue() ? p.getText() : t.asString(); // "ph": 1.5 is text "1.5"; {} is "{"
            if (oddPhase == null) {
                oddPhase = "(" + t + ")";
            }
            p.skipChildren();
            return ODD_PHASE;
        }

        private void commit(char phase, int nameId, int catId, long ts, long dur, long pid, long tid, int mark) {
            if (phase == 'M') {
                metadata(nameId, pid, tid, mark);
                b.discardArgs(mark);
                return;
            }
            boolean modeled = phase == 'X' || phase == 'B' || phase == 'E' || phase == 'i' || phase == 'I'
                    || phase == 'R' || phase == 'C';
            if (!modeled) {
                b.discardArgs(mark);
                b.report().countSkippedPhase(phase == NO_PHASE ? "(none)" : phase == ODD_PHASE ? oddPhase : String.valueOf(phase));
                return;
            }
            if (ts == NONE) {
                b.discardArgs(mark);
                b.report().countEventWithoutTimestamp();
                return;
            }
            switch (phase) {
                case 'X' -> b.slice(b.threadTrack(pid, tid), ts, dur == NONE ? 0 : dur, nameId, catId, mark);
                case 'B' -> b.begin(b.threadTrack(pid, tid), ts, nameId, catId, mark);
                case 'E' -> {
                    b.discardArgs(mark);
                    b.end(b.threadTrack(pid, tid), ts);
                }
                case 'C' -> b.counter(b.counterTrack(pid, strings.get(nameId)), ts, nameId, catId, mark);
                default -> b.instant(b.threadTrack(pid, tid), ts, nameId, catId, mark);
            }
        }

        private void metadata(int nameId, long pid, long tid, int mark) {
            String what = strings.get(nameId);
            String value = b.pendingArgString(mark, what.endsWith("_sort_index") ? "sort_index" : "name");
            if (value == null) {
                return;
            }
            switch (what) {
                case "process_name" -> b.setProcessName(pid, value);
                case "thread_name" -> b.setThreadName(pid, tid, value);
                case "thread_sort_index" -> {
                    try {
                        b.setThreadSortIndex(pid, tid, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        b.report().countMalformed(where() + ": thread_sort_index " + value);
                    }
                }
                default -> {
                    // process_sort_index, process_labels, process_uptime_seconds: nothing to draw
                }
            }
        }

        private int text(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            if (t.isScalarValue()) {
                return strings.intern(p.getText());
            }
            p.skipChildren();
            return 0;
        }

        private long id(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText();
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    return (1L << 40) + strings.intern(s); // a named pid/tid: stable within this trace
                }
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                return (long) p.getDoubleValue();
            }
            p.skipChildren();
            return 0;
        }

        /** µs (a JSON number, or a string holding one) to ns, exactly for up to three decimals. */
        private long nanos(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG) {
                    long us = p.getLongValue();
                    if (Math.abs(us) < Long.MAX_VALUE / 1000) {
                        return us * 1000;
                    }
                }
                return malformedTime();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                long ns = TimeText.microsToNanos(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                return ns == TimeText.INVALID ? malformedTime() : ns;
            }
            p.skipChildren();
            return malformedTime();
        }

        private long malformedTime() {
            b.report().countMalformed(where() + ": a timestamp that is not a number of microseconds");
            return NONE;
        }

        private void readArgs(JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            String key;
            while ((key = p.nextFieldName()) != null) {
                int keyId = strings.intern(key);
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING -> b.addArgString(keyId,
                            strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                    case VALUE_NUMBER_INT -> {
                        JsonParser.NumberType type = p.getNumberType();
                        if (type == JsonParser.NumberType.BIG_INTEGER) {
                            b.addArgJson(keyId, strings.intern(p.getText()));
                        } else {
                            b.addArgLong(keyId, p.getLongValue());
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> b.addArgDouble(keyId, p.getDoubleValue());
                    case VALUE_TRUE -> b.addArgBoolean(keyId, true);
                    case VALUE_FALSE -> b.addArgBoolean(keyId, false);
                    case VALUE_NULL -> b.addArgNull(keyId);
                    case START_OBJECT, START_ARRAY -> b.addArgJson(keyId, strings.intern(copyStructure()));
                    default -> p.skipChildren();
                }
            }
        }

        /** The nested value at the parser, re-serialised compactly: it is written back verbatim. */
        private String copyStructure() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.copyCurrentStructure(p);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Exact decimal µs -> ns conversion without a double in between. */
    static final class TimeText {
        static final long INVALID = Long.MIN_VALUE;

        private TimeText() {
        }

        static long microsToNanos(char[] c, int off, int len) {
            int i = off;
            int end = off + len;
            boolean negative = false;
            if (i < end && (c[i] == '-' || c[i] == '+')) {
                negative = c[i] == '-';
                i++;
            }
            long whole = 0;
            int digits = 0;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                if (++digits > 15) {
                    return slow(c, off, len);
                }
                whole = whole * 10 + (c[i++] - '0');
            }
            long frac = 0;
            int fracDigits = 0;
            boolean roundUp = false;
            if (i < end && c[i] == '.') {
                i++;
                while (i < end && c[i] >= '0' && c[i] <= '9') {
                    if (fracDigits < 3) {
                        frac = frac * 10 + (c[i] - '0');
                    } else if (fracDigits == 3) {
                        roundUp = c[i] >= '5';
                    }
                    fracDigits++;
                    digits++;
                    i++;
                }
            }
            if (i != end) {
                return slow(c, off, len); // exponent, or not a number at all
            }
            if (digits == 0) {
                return INVALID;
            }
            for (int k = Math.min(fracDigits, 3); k < 3; k++) {
                frac *= 10;
            }
            long ns = whole * 1000 + frac + (roundUp ? 1 : 0);
            return negative ? -ns : ns;
        }

        private static long slow(char[] c, int off, int len) {
            try {
                BigDecimal micros = new BigDecimal(c, off, len);
                int integerDigits = micros.precision() - micros.scale(); // 1e999999 must not become a huge number
                if (integerDigits > 16) {
                    return INVALID;
                }
                if (integerDigits < -6) {
                    return 0;
                }
                return micros.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return INVALID;
            }
        }
    }
}
