package dev.porthole.gdb.mi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one parser for GDB/MI output (gdb 13, {@code --interpreter=mi3}). It turns one line into one
 * {@link MiRecord}. It keeps no state, so the reader thread can call it and hand the record on.
 *
 * <p>The grammar, from the gdb manual ("GDB/MI Output Syntax"), with the details real gdb adds:
 * <pre>
 * output            = { out-of-band-record } [ result-record ] "(gdb)" nl
 * result-record     = [ token ] "^" result-class { "," result } nl
 * result-class      = "done" | "running" | "connected" | "error" | "exit"
 * out-of-band-record= async-record | stream-record
 * async-record      = [ token ] ( "*" | "+" | "=" ) async-class { "," result } nl
 *                       ; "*" exec (running, stopped), "+" status, "=" notify
 * stream-record     = ( "~" | "@" | "&" ) c-string nl
 *                       ; "~" console, "@" target (the QEMU monitor's text), "&" log
 * result            = variable "=" value
 * variable          = a run of characters up to "=" (gdb uses letters, digits, "-" and "_")
 * value             = c-string | tuple | list
 * tuple             = "{}" | "{" result { "," result } "}"
 * list              = "[]" | "[" value { "," value } "]" | "[" result { "," result } "]"
 * token             = decimal digits
 * c-string          = '"' { char | escape } '"'
 * escape            = "\" ( "n" | "t" | "r" | "f" | "b" | "v" | "a" | "e" | '"' | "\" | "'" | octal{1,3} | "x" hex+ )
 *                       ; gdb writes other bytes below 0x20 as three octal digits; the bytes (octal escapes
 *                       ; included) are decoded as UTF-8, bytes above 0x7f pass through unescaped
 * nl                = "\n" | "\r\n"
 * </pre>
 * A line that fits none of these (gdb lets a few stray warnings through) becomes {@link MiRecord.Unknown}
 * rather than an exception: one odd line must not end a debug session. Malformed records inside a line that
 * does start like MI (an unterminated string, say) do throw {@link MiFormatException} from
 * {@link #parseStrict(String)}; {@link #parse(String)} turns those into {@code Unknown} too.
 *
 * <p>Input is expected decoded as ISO-8859-1 (one char per byte), so that octal escapes and raw bytes are
 * put back together before UTF-8 decoding.
 */
public final class MiParser {

    private final String line;
    private int pos;

    private MiParser(String line) {
        this.line = line;
    }

    /** Parses one line (without its newline); never throws. */
    public static MiRecord parse(String line) {
        try {
            return parseStrict(line);
        } catch (MiFormatException e) {
            return new MiRecord.Unknown(line);
        }
    }

    /** Parses one line; throws {@link MiFormatException} saying where a started record went wrong. */
    public static MiRecord parseStrict(String rawLine) {
        String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
        if (line.trim().equals("(gdb)")) {
            return new MiRecord.Prompt();
        }
        return new MiParser(line).record();
    }

    private MiRecord record() {
        if (line.isEmpty()) {
            return new MiRecord.Unknown(line);
        }
        char first = line.charAt(0);
        if (first == '~' || first == '@' || first == '&') {
            pos = 1;
            String text = cString();
            expectEnd();
            MiRecord.StreamKind kind = first == '~' ? MiRecord.StreamKind.CONSOLE
                    : first == '@' ? MiRecord.StreamKind.TARGET : MiRecord.StreamKind.LOG;
            return new MiRecord.Stream(kind, text);
        }
        OptionalLong token = OptionalLong.empty();
        while (pos < line.length() && Character.isDigit(line.charAt(pos))) {
            pos++;
        }
        if (pos > 0) {
            try {
                token = OptionalLong.of(Long.parseLong(line.substring(0, pos)));
            } catch (NumberFormatException e) {
                throw error("token too long");
            }
        }
        if (pos >= line.length()) {
            return new MiRecord.Unknown(line);
        }
        char kindChar = line.charAt(pos);
        if ("^*+=".indexOf(kindChar) < 0) {
            return new MiRecord.Unknown(line);
        }
        pos++;
        String recordClass = word();
        if (recordClass.isEmpty()) {
            throw error("a record class after '" + kindChar + "'");
        }
        List<Map.Entry<String, MiValue>> results = new ArrayList<>();
        while (pos < line.length()) {
            expect(',');
            results.add(result());
        }
        MiTuple body = new MiTuple(results);
        return switch (kindChar) {
            case '^' -> new MiRecord.Result(token, recordClass, body);
            case '*' -> new MiRecord.Async(token, MiRecord.AsyncKind.EXEC, recordClass, body);
            case '+' -> new MiRecord.Async(token, MiRecord.AsyncKind.STATUS, recordClass, body);
            default -> new MiRecord.Async(token, MiRecord.AsyncKind.NOTIFY, recordClass, body);
        };
    }

    private String word() {
        int start = pos;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == ',' || c == '=' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"') {
                break;
            }
            pos++;
        }
        return line.substring(start, pos);
    }

    private Map.Entry<String, MiValue> result() {
        String name = word();
        if (name.isEmpty()) {
            throw error("a result name");
        }
        expect('=');
        return new AbstractMap.SimpleImmutableEntry<>(name, value());
    }

    private MiValue value() {
        if (pos >= line.length()) {
            throw error("a value");
        }
        char c = line.charAt(pos);
        if (c == '"') {
            return new MiValue.Const(cString());
        }
        if (c == '{') {
            pos++;
            List<Map.Entry<String, MiValue>> entries = new ArrayList<>();
            if (peek() == '}') {
                pos++;
                return new MiTuple(entries);
            }
            entries.add(result());
            while (peek() == ',') {
                pos++;
                entries.add(result());
            }
            expect('}');
            return new MiTuple(entries);
        }
        if (c == '[') {
            pos++;
            List<MiValue> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (peek() == ']') {
                pos++;
                return new MiValue.ListValue(values, names);
            }
            boolean named = !(peek() == '"' || peek() == '{' || peek() == '[');
            do {
                if (!values.isEmpty()) {
                    pos++; // the ','
                }
                if (named) {
                    Map.Entry<String, MiValue> r = result();
                    names.add(r.getKey());
                    values.add(r.getValue());
                } else {
                    values.add(value());
                }
            } while (peek() == ',');
            expect(']');
            return new MiValue.ListValue(values, names);
        }
        throw error("a value ('\"', '{' or '[')");
    }

    private String cString() {
        expect('"');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (pos >= line.length()) {
                throw error("the closing '\"' of a string");
            }
            char c = line.charAt(pos++);
            if (c == '"') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (c != '\\') {
                bytes.write(c & 0xff);
                continue;
            }
            if (pos >= line.length()) {
                throw error("an escaped character after '\\'");
            }
            char e = line.charAt(pos++);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'f' -> bytes.write('\f');
                case 'b' -> bytes.write('\b');
                case 'v' -> bytes.write(0x0b);
                case 'a' -> bytes.write(0x07);
                case 'e' -> bytes.write(0x1b);
                case 'x' -> {
                    int start = pos;
                    while (pos < line.length() && Character.digit(line.charAt(pos), 16) >= 0) {
                        pos++;
                    }
                    if (start == pos) {
                        throw error("hex digits after '\\x'");
                    }
                    bytes.write(Integer.parseInt(line.substring(start, pos), 16) & 0xff);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int i = 0; i < 2 && pos < line.length() && line.charAt(pos) >= '0' && line.charAt(pos) <= '7'; i++) {
                            value = value * 8 + (line.charAt(pos++) - '0');
                        }
                        bytes.write(value & 0xff);
                    } else {
                        bytes.write(e & 0xff); // \" \\ \' and anything gdb may add: the character itself
                    }
                }
            }
        }
    }

    private char peek() {
        return pos < line.length() ? line.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void expectEnd() {
        if (pos != line.length()) {
            throw error("the end of the line");
        }
    }

    private MiFormatException error(String expected) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return new MiFormatException("GDB/MI parse error at column " + pos + ": expected " + expected + " in: " + shown);
    }
}
