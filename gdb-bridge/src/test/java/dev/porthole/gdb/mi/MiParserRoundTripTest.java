package dev.porthole.gdb.mi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random MI records written the way gdb writes them (gdb's escaping: \n \t \" \\, octal for other control
 * bytes, UTF-8 bytes raw) must parse back to the same record. Fixed seeds: a failure names its seed.
 */
class MiParserRoundTripTest {
    private static final String ALPHABET = "abcXYZ019 _-=,{}[]\"\\\n\t\r\u0001\u001b\u007fé→";

    @Test
    void randomRecordsSurviveWritingAndParsing() {
        for (long seed = 1; seed <= 2000; seed++) {
            Random random = new Random(seed);
            MiTuple body = tuple(random, 0);
            OptionalLong token = random.nextBoolean() ? OptionalLong.of(random.nextInt(100000)) : OptionalLong.empty();
            String prefix = token.isPresent() ? Long.toString(token.getAsLong()) : "";
            String line = prefix + "^done" + (body.isEmpty() ? "" : "," + writeResults(body));
            MiRecord parsed = MiParser.parseStrict(latin1(line));
            assertEquals(new MiRecord.Result(token, "done", body), parsed, "seed " + seed + ": " + line);

            String text = string(random);
            assertEquals(new MiRecord.Stream(MiRecord.StreamKind.TARGET, text), MiParser.parseStrict(latin1("@" + cString(text))),
                    "seed " + seed);
        }
    }

    /** What the reader thread does: bytes read as ISO-8859-1, one char per byte. */
    private static String latin1(String line) {
        return new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static MiTuple tuple(Random r, int depth) {
        int n = depth > 3 ? 0 : r.nextInt(4);
        List<Map.Entry<String, MiValue>> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(name(r), value(r, depth + 1)));
        }
        return new MiTuple(entries);
    }

    private static MiValue value(Random r, int depth) {
        int kind = depth > 3 ? 0 : r.nextInt(4);
        switch (kind) {
            case 1:
                return tuple(r, depth);
            case 2: {
                List<MiValue> values = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    values.add(value(r, depth + 1));
                }
                return new MiValue.ListValue(values, List.of());
            }
            case 3: {
                List<MiValue> values = new ArrayList<>();
                List<String> names = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    names.add(name(r));
                    values.add(value(r, depth + 1));
                }
                return new MiValue.ListValue(values, names);
            }
            default:
                return new MiValue.Const(string(r));
        }
    }

    private static String name(Random r) {
        String[] names = {"frame", "addr", "func", "thread-id", "bkpt", "value", "x_1"};
        return names[r.nextInt(names.length)];
    }

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String writeResults(MiTuple t) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, MiValue> e : t.entries()) {
            parts.add(e.getKey() + "=" + write(e.getValue()));
        }
        return String.join(",", parts);
    }

    private static String write(MiValue v) {
        if (v instanceof MiValue.Const c) {
            return cString(c.text());
        }
        if (v instanceof MiTuple t) {
            return "{" + writeResults(t) + "}";
        }
        MiValue.ListValue l = (MiValue.ListValue) v;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < l.values().size(); i++) {
            parts.add((l.names().isEmpty() ? "" : l.names().get(i) + "=") + write(l.values().get(i)));
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** gdb's printchar(): named escapes for a few, three octal digits for other control bytes. */
    private static String cString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\u001b' -> sb.append("\\033");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
