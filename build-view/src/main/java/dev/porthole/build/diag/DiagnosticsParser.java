package dev.porthole.build.diag;

import dev.porthole.build.diag.Diagnostic.FixIt;
import dev.porthole.build.diag.Diagnostic.Tool;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text output of gcc, clang, GNU as, GNU ld (and lld) and make into {@link Diagnostic}s, one
 * line at a time, as a build streams it.
 *
 * <h2>What it reads</h2>
 * <pre>
 * compiler   FILE:LINE[:COL]: (fatal error|error|warning|note|remark): MESSAGE [-Wflag]
 *            FILE: In function 'NAME':              context for the diagnostics below (also "At top level:")
 *            In file included from FILE:LINE[:COL],  the include chain of the next diagnostic
 *                             from FILE:LINE:        (gcc continues with "from"; clang repeats the first form)
 *            "    4 |   code" / "      |   ^~~"    source excerpt, kept with the diagnostic
 *            "  +++ |+#include &lt;stdio.h&gt;"            gcc's fix-it insertion, also a {@link FixIt}
 *            fix-it:"FILE":{L:C-L:C}:"TEXT"           -fdiagnostics-parseable-fixits
 *            cc1: fatal error: MESSAGE              a driver message with no place
 *            cc1: all warnings being treated as errors
 *            N warnings and M errors generated.      clang's summary (ignored)
 * assembler  FILE:LINE: Error|Warning: MESSAGE      ("FILE: Assembler messages:" is ignored)
 * linker     [PATH/]ld: OBJECT: in function `NAME':  context for the next line
 *            FILE:LINE: undefined reference to `SYM'
 *            OBJECT:(SECTION+OFF): undefined reference to `SYM'
 *            [ld: ]LOC: multiple definition of `SYM'; LOC: first defined here   (the second place becomes a note)
 *            ld: IMAGE section `.S' will not fit in region `R'   /   ld: region `R' overflowed by N bytes
 *            ld: warning: MESSAGE  /  ld: MESSAGE (an error: "cannot find -lfoo", ...)
 *            ld.lld: error: MESSAGE  followed by  &gt;&gt;&gt; referenced by FILE:LINE  (the first place is used)
 *            collect2: error: ld returned 1 exit status    (ignored: the ld lines above say why)
 * make       make[N]: Entering directory 'DIR' / Leaving directory 'DIR'   (resolves relative file names)
 *            make[N]: *** [MAKEFILE:LINE: TARGET] Error N      (older makes: [TARGET] Error N)
 *            MAKEFILE:LINE: *** MESSAGE.  Stop.   /   make: *** MESSAGE.  Stop.
 * </pre>
 * ANSI colour escapes and carriage returns are removed first. Lines that match nothing are ignored (they
 * are the build's ordinary output). Notes attach to the error or warning before them.
 *
 * <p>Not thread-safe: one parser per build, fed from the thread that reads its output.
 */
public final class DiagnosticsParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B\\]8;[^\u001B\u0007]*(?:\u001B\\\\|\u0007)");
    private static final Pattern COMPILER = Pattern.compile(
            "^(?<file>[^\\s:][^:]*?):(?<line>\\d+):(?:(?<col>\\d+):)? (?<sev>fatal error|error|warning|note|remark|Error|Warning|Fatal error): "
                    + "(?<msg>.*)$");
    /** The option gcc and clang name at the end of a message: {@code [-Wunused-variable]}, {@code [-Werror=...]}. */
    private static final Pattern OPTION_SUFFIX = Pattern.compile(" \\[(-W[^\\] ]*|-f[^\\] ]*)]$");
    private static final Pattern DRIVER = Pattern.compile(
            "^(?<tool>cc1|cc1plus|cc1obj|gcc|g\\+\\+|cc|c\\+\\+|clang|clang\\+\\+|as|collect2|lto1|lto-wrapper)(?:-[\\d.]+)?: "
                    + "(?<sev>fatal error|error|warning|note): (?<msg>.*)$");
    private static final Pattern IN_FUNCTION = Pattern.compile(
            "^(?<file>[^\\s:][^:]*): (?:In (?:static member function|member function|function|constructor|destructor|lambda function|"
                    + "instantiation of|substitution of) (?<name>.*)|At (?:top level|global scope)):$");
    private static final Pattern INCLUDED_FROM = Pattern.compile("^(?:In file included|\\s+) from (?<loc>[^\\s].*?)[,:]$");
    private static final Pattern EXCERPT = Pattern.compile("^\\s*(?:\\d+|\\+\\+\\+)? ?\\|.*$");
    private static final Pattern GCC_FIXIT = Pattern.compile("^\\s*\\+\\+\\+ \\|\\+(?<text>.*)$");
    private static final Pattern PARSEABLE_FIXIT = Pattern.compile(
            "^fix-it:\"(?<file>(?:[^\"\\\\]|\\\\.)*)\":\\{(?<l1>\\d+):(?<c1>\\d+)-(?<l2>\\d+):(?<c2>\\d+)}:\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"$");
    private static final Pattern LD_PREFIX = Pattern.compile("^(?:[^\\s:]*/)?(?:[\\w.+-]+-)?ld(?:\\.bfd|\\.gold|\\.lld|\\.mold)?(?:\\.exe)?: ");
    private static final Pattern LD_IN_FUNCTION = Pattern.compile("^(?<obj>.+?): in function [`'](?<name>.*)':$");
    private static final Pattern LD_LOCATED = Pattern.compile(
            "^(?<loc>[^\\s:][^:]*?):(?:(?<line>\\d+)|\\((?<sect>[^)]*)\\)): (?<msg>(?:undefined reference to|multiple definition of|"
                    + "relocation truncated to fit|first defined here|more undefined references|warning: |dangerous relocation|"
                    + "undefined symbol).*)$");
    private static final Pattern LLD_PLACE = Pattern.compile("^>>> (?:referenced by|defined at) (?<loc>\\S+?)(?::(?<line>\\d+))?(?: \\(.*\\))?$");
    private static final Pattern MAKE_DIRECTORY = Pattern.compile("^g?make(?:\\[\\d+])?: (?<what>Entering|Leaving) directory [`'](?<dir>.*)'$");
    private static final Pattern MAKE_RECIPE = Pattern.compile(
            "^(?:g?make(?:\\[\\d+])?: )?\\*\\*\\* \\[(?:(?<mf>[^\\]]+?):(?<ml>\\d+): )?(?<target>[^\\]]+)] (?<what>Error \\d+|Segmentation fault.*|Killed.*|Interrupt.*)$");
    private static final Pattern MAKE_STOP_AT = Pattern.compile("^(?<mf>[^\\s:][^:]*):(?<ml>\\d+): \\*\\*\\* (?<msg>.*?)\\.?  Stop\\.$");
    private static final Pattern MAKE_STOP = Pattern.compile("^g?make(?:\\[\\d+])?: \\*\\*\\* (?<msg>.*?)\\.?  Stop\\.$");

    private final Path workingDirectory;
    private final Deque<Path> makeDirectories = new ArrayDeque<>();
    private final List<Diagnostic> completed = new ArrayList<>();
    private Builder current;
    private String functionFile;
    private String function;
    private String linkerFunction;
    private List<String> pendingIncludes = new ArrayList<>();
    private boolean pendingIncludesClosed;
    private boolean lastWasLld;

    /** @param workingDirectory where the build command runs; relative file names resolve against it */
    public DiagnosticsParser(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Parses a whole captured output at once. */
    public static List<Diagnostic> parseAll(Path workingDirectory, String output) {
        DiagnosticsParser parser = new DiagnosticsParser(workingDirectory);
        List<Diagnostic> all = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            all.addAll(parser.accept(line));
        }
        all.addAll(parser.finish());
        return all;
    }

    /**
     * Reads one line of output. Returns the diagnostics completed by it (a diagnostic is complete when the
     * next one starts, since notes, excerpts and fix-its follow it), usually none.
     */
    public List<Diagnostic> accept(String rawLine) {
        String line = ANSI.matcher(rawLine).replaceAll("");
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        parse(line);
        if (completed.isEmpty()) {
            return List.of();
        }
        List<Diagnostic> done = List.copyOf(completed);
        completed.clear();
        return done;
    }

    /** Ends the output: returns the last diagnostic, if one is still open. */
    public List<Diagnostic> finish() {
        flush();
        List<Diagnostic> done = List.copyOf(completed);
        completed.clear();
        return done;
    }

    private void parse(String line) {
        if (line.isBlank()) {
            return;
        }
        Matcher m;
        if ((m = MAKE_DIRECTORY.matcher(line)).matches()) {
            if (m.group("what").equals("Entering")) {
                Path entered = toPath(m.group("dir"), workingDirectory);
                makeDirectories.push(entered != null ? entered : workingDirectory); // keeps Entering/Leaving paired
            } else if (!makeDirectories.isEmpty()) {
                makeDirectories.pop();
            }
            return;
        }
        if ((m = PARSEABLE_FIXIT.matcher(line)).matches()) {
            if (current != null) {
                current.last().fixIts.add(new FixIt(unescape(m.group("file")), number(m.group("l1")), number(m.group("c1")),
                        number(m.group("l2")), number(m.group("c2")), unescape(m.group("text"))));
            }
            return;
        }
        if ((m = GCC_FIXIT.matcher(line)).matches()) {
            if (current != null) {
                Builder target = current.last();
                target.excerpt.add(line);
                target.fixIts.add(new FixIt(target.file, 0, 0, 0, 0, m.group("text")));
            }
            return;
        }
        if (EXCERPT.matcher(line).matches() && current != null && !line.startsWith(">>>")) {
            current.last().excerpt.add(line);
            return;
        }
        if ((m = INCLUDED_FROM.matcher(line)).matches()) {
            String location = m.group("loc");
            if (line.startsWith("In file included")) {
                if (!pendingIncludes.isEmpty() && pendingIncludesClosed) {
                    pendingIncludes.add(0, location); // clang: one line per level, outermost first
                } else {
                    pendingIncludes = new ArrayList<>(List.of(location)); // gcc: innermost first, "from" lines follow
                }
            } else {
                pendingIncludes.add(location);
            }
            pendingIncludesClosed = line.endsWith(":");
            return;
        }
        if ((m = IN_FUNCTION.matcher(line)).matches()) {
            functionFile = m.group("file");
            function = m.group("name") == null ? null : unquote(m.group("name"));
            return;
        }
        if ((m = COMPILER.matcher(line)).matches()) {
            String severityWord = m.group("sev");
            Tool tool = Character.isUpperCase(severityWord.charAt(0)) ? Tool.ASSEMBLER : Tool.COMPILER;
            Severity severity = severity(severityWord);
            String file = m.group("file");
            String message = m.group("msg");
            String option = null;
            Matcher suffix = OPTION_SUFFIX.matcher(message);
            if (suffix.find()) {
                option = suffix.group(1);
                message = message.substring(0, suffix.start());
            }
            Builder diagnostic = new Builder(severity, tool, file, resolve(file), number(m.group("line")),
                    m.group("col") == null ? 0 : number(m.group("col")), message, option);
            if (file.equals(functionFile)) {
                diagnostic.function = function;
            }
            diagnostic.includedFrom.addAll(pendingIncludes);
            pendingIncludes = new ArrayList<>();
            start(diagnostic);
            return;
        }
        if ((m = DRIVER.matcher(line)).matches()) {
            String tool = m.group("tool");
            if (tool.equals("collect2") || m.group("msg").startsWith("linker command failed")) {
                return; // the summary of ld's own messages, which were already read
            }
            start(new Builder(severity(m.group("sev")), tool.equals("as") ? Tool.ASSEMBLER : Tool.COMPILER, null, null, 0, 0, m.group("msg"), null));
            return;
        }
        if (line.matches("^cc1\\w*: all warnings being treated as errors$")) {
            start(new Builder(Severity.ERROR, Tool.COMPILER, null, null, 0, 0, "all warnings being treated as errors", null));
            return;
        }
        if (line.matches("^\\d+ (?:warnings?|errors?)(?: and \\d+ (?:warnings?|errors?))? generated\\.$")
                || line.endsWith(": Assembler messages:") || line.equals("compilation terminated.")) {
            return;
        }
        if ((m = LLD_PLACE.matcher(line)).matches()) {
            if (lastWasLld && current != null && current.last().file == null) {
                Builder target = current.last();
                target.file = m.group("loc");
                target.path = resolve(target.file);
                target.line = m.group("line") == null ? 0 : number(m.group("line"));
            }
            return;
        }
        Matcher prefix = LD_PREFIX.matcher(line);
        boolean fromLd = prefix.lookingAt();
        String rest = fromLd ? line.substring(prefix.end()) : line;
        if (fromLd && (m = LD_IN_FUNCTION.matcher(rest)).matches()) {
            linkerFunction = m.group("name");
            return;
        }
        if ((m = LD_LOCATED.matcher(rest)).matches()) {
            linkerLocated(m);
            return;
        }
        if (fromLd) {
            linkerMessage(rest);
            return;
        }
        if (make(line)) {
            return;
        }
        lastWasLld = false;
    }

    private void linkerLocated(Matcher m) {
        String file = m.group("loc");
        int lineNumber = m.group("line") == null ? 0 : number(m.group("line"));
        String message = m.group("msg");
        Severity severity = Severity.ERROR;
        if (message.startsWith("warning: ")) {
            severity = Severity.WARNING;
            message = message.substring("warning: ".length());
        }
        String firstDefined = null;
        int split = message.indexOf("; ");
        if (message.startsWith("multiple definition of") && split > 0) {
            firstDefined = message.substring(split + 2);
            message = message.substring(0, split);
        }
        Builder diagnostic = new Builder(severity, Tool.LINKER, file, resolve(file), lineNumber, 0, message, null);
        diagnostic.function = linkerFunction;
        linkerFunction = null;
        start(diagnostic);
        if (firstDefined != null) {
            Matcher place = LD_LOCATED.matcher(firstDefined);
            if (place.matches()) {
                String noteFile = place.group("loc");
                int noteLine = place.group("line") == null ? 0 : number(place.group("line"));
                current.notes.add(new Builder(Severity.NOTE, Tool.LINKER, noteFile, resolve(noteFile), noteLine, 0, place.group("msg"), null));
            }
        }
    }

    private void linkerMessage(String rest) {
        Severity severity = Severity.ERROR;
        String message = rest;
        if (rest.startsWith("warning: ")) {
            severity = Severity.WARNING;
            message = rest.substring("warning: ".length());
        } else if (rest.startsWith("error: ")) {
            message = rest.substring("error: ".length());
        } else if (rest.startsWith("note: ")) {
            severity = Severity.NOTE;
            message = rest.substring("note: ".length());
        }
        start(new Builder(severity, Tool.LINKER, null, null, 0, 0, message, null));
        lastWasLld = true;
    }

    private boolean make(String line) {
        Matcher m;
        if ((m = MAKE_RECIPE.matcher(line)).matches()) {
            String makefile = m.group("mf");
            Builder diagnostic = new Builder(Severity.ERROR, Tool.MAKE, makefile, makefile == null ? null : resolve(makefile),
                    m.group("ml") == null ? 0 : number(m.group("ml")), 0,
                    "recipe for target '" + m.group("target") + "' failed (" + m.group("what") + ")", null);
            start(diagnostic);
            return true;
        }
        if ((m = MAKE_STOP_AT.matcher(line)).matches()) {
            start(new Builder(Severity.ERROR, Tool.MAKE, m.group("mf"), resolve(m.group("mf")), number(m.group("ml")), 0, m.group("msg"), null));
            return true;
        }
        if ((m = MAKE_STOP.matcher(line)).matches()) {
            start(new Builder(Severity.ERROR, Tool.MAKE, null, null, 0, 0, m.group("msg"), null));
            return true;
        }
        return false;
    }

    private void start(Builder diagnostic) {
        lastWasLld = false;
        if (diagnostic.severity == Severity.NOTE && current != null) {
            current.notes.add(diagnostic);
            return;
        }
        flush();
        current = diagnostic;
    }

    private void flush() {
        if (current != null) {
            completed.add(current.build());
            current = null;
        }
    }

    private Path resolve(String file) {
        if (file == null) {
            return null;
        }
        Path base = makeDirectories.isEmpty() ? workingDirectory : makeDirectories.peek();
        return toPath(file, base);
    }

    private static Path toPath(String file, Path base) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() || base == null ? path.normalize() : base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A line or column number; absurdly long digit strings (garbage, not positions) read as 0. */
    private static int number(String digits) {
        if (digits.length() > 9) {
            return 0;
        }
        return Integer.parseInt(digits);
    }

    private static Severity severity(String word) {
        switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "warning":
                return Severity.WARNING;
            case "note":
            case "remark":
                return Severity.NOTE;
            default:
                return Severity.ERROR;
        }
    }

    private static String unquote(String name) {
        String trimmed = name.strip();
        if (trimmed.length() >= 2 && "'‘`\"".indexOf(trimmed.charAt(0)) >= 0 && "'’\"".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A diagnostic being read: excerpt lines, fix-its and notes still arrive after its first line. */
    private static final class Builder {
        final Severity severity;
        final Tool tool;
        String file;
        Path path;
        int line;
        final int column;
        final String message;
        final String option;
        String function;
        final List<String> includedFrom = new ArrayList<>();
        final List<String> excerpt = new ArrayList<>();
        final List<FixIt> fixIts = new ArrayList<>();
        final List<Builder> notes = new ArrayList<>();

        Builder(Severity severity, Tool tool, String file, Path path, int line, int column, String message, String option) {
            this.severity = severity;
            this.tool = tool;
            this.file = file;
            this.path = path;
            this.line = line;
            this.column = column;
            this.message = message;
            this.option = option;
        }

        /** Where excerpts and fix-its go: the latest note, else the diagnostic itself. */
        Builder last() {
            return notes.isEmpty() ? this : notes.get(notes.size() - 1);
        }

        Diagnostic build() {
            List<Diagnostic> builtNotes = new ArrayList<>(notes.size());
            for (Builder note : notes) {
                builtNotes.add(note.build());
            }
            return new Diagnostic(severity, tool, file, path, line, column, message, option, function, List.copyOf(includedFrom),
                    List.copyOf(excerpt), List.copyOf(fixIts), List.copyOf(builtNotes));
        }
    }
}
