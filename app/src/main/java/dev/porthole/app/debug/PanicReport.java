package dev.porthole.app.debug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guest panic as the sample kernel prints it on the console (kernel/README.md, "Panic output"):
 * <pre>
 * panic: page fault (vector 14) err=0x0000000000000002 cr2=0x0000007fffdead00
 * rax=0x... rbx=0x... rcx=0x... rdx=0x...
 * ...
 * backtrace:
 *   #0 0x0000000000101234
 *   #1 0x0000000000101256
 * panic: end
 * </pre>
 * A software panic ({@code panic("message")}) has a message instead of the vector line's fields.
 */
public record PanicReport(String description, OptionalLong vector, OptionalLong errorCode, OptionalLong cr2,
                          Map<String, Long> registers, List<Long> backtrace) {

    private static final Pattern HEADER = Pattern.compile(
            "panic: (?<what>.+?)(?: \\(vector (?<vector>\\d+)\\) err=0x(?<err>[0-9a-fA-F]+) cr2=0x(?<cr2>[0-9a-fA-F]+))?\\s*$");
    private static final Pattern REGISTER = Pattern.compile("\\b([a-z][a-z0-9]{1,6})=0x([0-9a-fA-F]+)");
    private static final Pattern FRAME = Pattern.compile("^\\s*#(\\d+) 0x([0-9a-fA-F]+)\\s*$");

    /**
     * Finds the first complete panic report in console lines (CRs and ANSI codes tolerated): one that has reached its
     * {@code panic: end} line. A report still being printed is not one yet, so a reader never shows half a backtrace.
     */
    public static Optional<PanicReport> parse(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = clean(lines.get(i));
            if (line.startsWith("panic: ") && !line.equals("panic: end")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        Matcher header = HEADER.matcher(clean(lines.get(start)));
        if (!header.matches()) {
            return Optional.empty();
        }
        Map<String, Long> registers = new LinkedHashMap<>();
        List<Long> backtrace = new ArrayList<>();
        boolean inBacktrace = false;
        boolean ended = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = clean(lines.get(i));
            if (line.startsWith("panic: end")) {
                ended = true;
                break;
            }
            if (line.equals("backtrace:")) {
                inBacktrace = true;
                continue;
            }
            Matcher frame = FRAME.matcher(line);
            if (inBacktrace && frame.matches()) {
                backtrace.add(Long.parseUnsignedLong(frame.group(2), 16));
                continue;
            }
            Matcher register = REGISTER.matcher(line);
            while (!inBacktrace && register.find()) {
                registers.put(register.group(1), Long.parseUnsignedLong(register.group(2), 16));
            }
        }
        if (!ended) {
            return Optional.empty();
        }
        return Optional.of(new PanicReport(header.group("what"),
                header.group("vector") == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(header.group("vector"))),
                hex(header.group("err")), hex(header.group("cr2")), registers, backtrace));
    }

    /** The error code in words, for a page fault; its raw value otherwise. */
    public Optional<String> errorCodeMeaning() {
        if (errorCode.isEmpty()) {
            return Optional.empty();
        }
        if (vector.isPresent() && vector.getAsLong() == 14) {
            return Optional.of(RegisterBits.pageFaultError(errorCode.getAsLong()));
        }
        return Optional.of(errorCode.getAsLong() == 0 ? "none" : String.format("0x%x", errorCode.getAsLong()));
    }

    private static OptionalLong hex(String digits) {
        return digits == null ? OptionalLong.empty() : OptionalLong.of(Long.parseUnsignedLong(digits, 16));
    }

    private static String clean(String line) {
        return line.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }
}
