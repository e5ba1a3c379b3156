package dev.porthole.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Regex-based highlighting for one {@link SourceLanguage}: one alternation of named groups, each group one style
 * class, scanned left to right so a comment or string swallows whatever keywords it contains. Pure and thread-safe:
 * the editor runs {@link #highlight} off the FX thread and applies the spans on it.
 */
public final class SyntaxHighlighter {
    private record Rule(String group, String regex, String styleClass) {
    }

    private final SourceLanguage language;
    private final Pattern pattern;
    private final List<Rule> rules;
    /** Whole lines that get an extra class under their tokens (Makefile recipes); null when the language has none. */
    private final Pattern lineOverlay;
    private final String lineOverlayClass;

    private SyntaxHighlighter(SourceLanguage language, List<Rule> rules, Pattern lineOverlay, String lineOverlayClass) {
        this.language = language;
        this.rules = List.copyOf(rules);
        StringBuilder alternation = new StringBuilder();
        for (Rule rule : rules) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append("(?<").append(rule.group()).append('>').append(rule.regex()).append(')');
        }
        this.pattern = Pattern.compile(alternation.toString(), Pattern.MULTILINE);
        this.lineOverlay = lineOverlay;
        this.lineOverlayClass = lineOverlayClass;
    }

    public SourceLanguage language() {
        return language;
    }

    /** Style spans covering all of {@code text}: unstyled stretches carry an empty collection. */
    public StyleSpans<Collection<String>> highlight(String text) {
        StyleSpans<Collection<String>> tokens = tokenSpans(text);
        if (lineOverlay == null) {
            return tokens;
        }
        StyleSpans<Collection<String>> lines = spansOf(lineOverlay.matcher(text), text.length(), m -> lineOverlayClass);
        return tokens.overlay(lines, (token, line) -> {
            if (line.isEmpty()) {
                return token;
            }
            Set<String> both = new LinkedHashSet<>(line);
            both.addAll(token);
            return both;
        });
    }

    private StyleSpans<Collection<String>> tokenSpans(String text) {
        return spansOf(pattern.matcher(text), text.length(), this::styleClassOf);
    }

    private String styleClassOf(Matcher matcher) {
        for (Rule rule : rules) {
            if (matcher.group(rule.group()) != null) {
                return rule.styleClass();
            }
        }
        throw new IllegalStateException("a " + language + " match that no rule claims: " + matcher.group());
    }

    private static StyleSpans<Collection<String>> spansOf(Matcher matcher, int length,
            java.util.function.Function<Matcher, String> classOf) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int end = 0;
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue; // a zero-width match styles nothing
            }
            spans.add(Collections.emptyList(), matcher.start() - end);
            spans.add(Collections.singleton(classOf.apply(matcher)), matcher.end() - matcher.start());
            end = matcher.end();
        }
        spans.add(Collections.emptyList(), length - end);
        return spans.create();
    }

    /** The highlighter for a language; {@link SourceLanguage#PLAIN_TEXT} gets one that styles nothing. */
    public static SyntaxHighlighter of(SourceLanguage language) {
        return switch (language) {
            case C -> C_HIGHLIGHTER;
            case ASSEMBLY -> ASSEMBLY_HIGHLIGHTER;
            case LINKER_SCRIPT -> LINKER_SCRIPT_HIGHLIGHTER;
            case MAKEFILE -> MAKEFILE_HIGHLIGHTER;
            case PLAIN_TEXT -> PLAIN_HIGHLIGHTER;
        };
    }

    private static String words(String... words) {
        return "\\b(?:" + String.join("|", words) + ")\\b";
    }

    // Shared token shapes. An unterminated block comment runs to the end of the text, as the compiler sees it.
    private static final String BLOCK_COMMENT = "/\\*(?s:.*?)(?:\\*/|\\z)";
    private static final String LINE_COMMENT = "//[^\\n]*";
    private static final String DOUBLE_QUOTED = "\"(?:[^\"\\\\\\n]|\\\\.)*\"?";
    private static final String SINGLE_QUOTED = "'(?:[^'\\\\\\n]|\\\\.)*'";
    /** Start of a statement: the line start (after blanks) or just after a label's colon. */
    private static final String STATEMENT_START = "(?<=^[ \\t]{0,64}|:[ \\t]{0,64})";

    private static final SyntaxHighlighter C_HIGHLIGHTER = new SyntaxHighlighter(SourceLanguage.C, List.of(
            new Rule("COMMENT", BLOCK_COMMENT + "|" + LINE_COMMENT, SyntaxStyle.COMMENT),
            new Rule("PREPROC", "^[ \\t]*#[ \\t]*(?:include[ \\t]*<[^>\\n]*>|\\w+)", SyntaxStyle.PREPROC),
            new Rule("STRING", DOUBLE_QUOTED + "|" + SINGLE_QUOTED, SyntaxStyle.STRING),
            new Rule("KEYWORD", words("auto", "break", "case", "continue", "default", "do", "else", "enum", "extern",
                    "for", "goto", "if", "inline", "register", "restrict", "return", "sizeof", "static", "struct",
                    "switch", "typedef", "union", "volatile", "while", "const", "_Alignas", "_Alignof", "_Atomic",
                    "_Noreturn", "_Static_assert", "_Thread_local", "__attribute__", "asm", "__asm__",
                    "__volatile__", "NULL", "true", "false"), SyntaxStyle.KEYWORD),
            new Rule("TYPE", words("void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
                    "_Bool", "bool", "u?int(?:8|16|32|64)?", "uchar", "ushort", "ulong", "size_t",
                    "[A-Za-z_]\\w*_t"), SyntaxStyle.TYPE),
            new Rule("NUMBER", "\\b(?:0[xX][0-9a-fA-F]+|0[bB][01]+|\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)[uUlLfF]*\\b",
                    SyntaxStyle.NUMBER)),
            null, null);

    private static final SyntaxHighlighter ASSEMBLY_HIGHLIGHTER = new SyntaxHighlighter(SourceLanguage.ASSEMBLY, List.of(
            // .S files go through cpp first: its directives are not comments.
            new Rule("PREPROC", "^[ \\t]*#[ \\t]*(?:include|define|undef|if|ifdef|ifndef|elif|else|endif|error"
                    + "|pragma)\\b(?:[ \\t]*<[^>\\n]*>)?", SyntaxStyle.PREPROC),
            new Rule("COMMENT", BLOCK_COMMENT + "|" + LINE_COMMENT + "|#[^\\n]*", SyntaxStyle.COMMENT),
            new Rule("STRING", DOUBLE_QUOTED + "|" + SINGLE_QUOTED, SyntaxStyle.STRING),
            new Rule("LABEL", "^[ \\t]*(?:[A-Za-z_.$][\\w.$]*|\\d+):", SyntaxStyle.LABEL),
            new Rule("DIRECTIVE", STATEMENT_START + "\\.[A-Za-z_]\\w*", SyntaxStyle.DIRECTIVE),
            new Rule("INSTRUCTION", STATEMENT_START + "[a-zA-Z][a-zA-Z0-9]*\\b(?![ \\t]*[=:])", SyntaxStyle.INSTRUCTION),
            new Rule("REGISTER", "%[a-zA-Z][a-zA-Z0-9]*", SyntaxStyle.REGISTER),
            new Rule("IMMEDIATE", "\\$(?:-?0[xX][0-9a-fA-F]+|-?\\d+|[A-Za-z_.][\\w.]*|\\([^)\\n]*\\))",
                    SyntaxStyle.IMMEDIATE),
            new Rule("NUMBER", "(?<![\\w.$])-?(?:0[xX][0-9a-fA-F]+|\\d+)[bf]?\\b", SyntaxStyle.NUMBER)),
            null, null);

    private static final SyntaxHighlighter LINKER_SCRIPT_HIGHLIGHTER = new SyntaxHighlighter(SourceLanguage.LINKER_SCRIPT,
            List.of(
                    new Rule("COMMENT", BLOCK_COMMENT, SyntaxStyle.COMMENT),
                    new Rule("STRING", DOUBLE_QUOTED, SyntaxStyle.STRING),
                    new Rule("KEYWORD", words("SECTIONS", "MEMORY", "ENTRY", "PHDRS", "OUTPUT_FORMAT", "OUTPUT_ARCH",
                            "OUTPUT", "INPUT", "GROUP", "INCLUDE", "SEARCH_DIR", "STARTUP", "TARGET", "INSERT",
                            "AFTER", "BEFORE", "ASSERT", "NOCROSSREFS", "REGION_ALIAS", "FILEHDR", "NOLOAD", "DSECT",
                            "COPY", "INFO", "OVERLAY", "ORIGIN", "LENGTH", "org", "len", "o", "l"), SyntaxStyle.KEYWORD),
                    new Rule("BUILTIN", words("ALIGN", "ALIGNOF", "SUBALIGN", "ADDR", "LOADADDR", "SIZEOF",
                            "SIZEOF_HEADERS", "AT", "KEEP", "PROVIDE", "PROVIDE_HIDDEN", "HIDDEN", "DEFINED",
                            "ABSOLUTE", "MAX", "MIN", "BLOCK", "FILL", "SORT", "SORT_BY_NAME", "SORT_BY_ALIGNMENT",
                            "SORT_BY_INIT_PRIORITY", "SORT_NONE", "EXCLUDE_FILE", "COMMON", "CONSTRUCTORS",
                            "CREATE_OBJECT_SYMBOLS", "ONLY_IF_RO", "ONLY_IF_RW", "DATA_SEGMENT_ALIGN",
                            "DATA_SEGMENT_END", "DATA_SEGMENT_RELRO_END", "NEXT", "LOG2CEIL", "SEGMENT_START",
                            "BYTE", "SHORT", "LONG", "QUAD", "SQUAD", "DISCARD"), SyntaxStyle.TYPE),
                    // /DISCARD/ and section names such as .text, .rodata.*, .note.gnu.build-id
                    new Rule("SECTION", "/DISCARD/|(?<![\\w.])\\.[A-Za-z_][\\w.\\-]*\\*?", SyntaxStyle.DIRECTIVE),
                    new Rule("LOCATION", "(?<![\\w.])\\.(?![\\w.])", SyntaxStyle.REGISTER),
                    new Rule("SYMBOL", "\\b[A-Za-z_][\\w]*(?=[ \\t]*(?:[-+*/&|]|<<|>>)?=(?!=))", SyntaxStyle.VARIABLE),
                    new Rule("NUMBER", "\\b(?:0[xX][0-9a-fA-F]+|\\d+)[KMkm]?\\b", SyntaxStyle.NUMBER)),
            null, null);

    private static final SyntaxHighlighter MAKEFILE_HIGHLIGHTER = new SyntaxHighlighter(SourceLanguage.MAKEFILE, List.of(
            new Rule("COMMENT", "(?<!\\\\)#[^\\n]*", SyntaxStyle.COMMENT),
            new Rule("KEYWORD", "^[ \\t]*(?:-include|sinclude|include|ifeq|ifneq|ifdef|ifndef|else|endif|define|endef"
                    + "|export|unexport|override|vpath|undefine)\\b", SyntaxStyle.KEYWORD),
            new Rule("SPECIAL", "^\\.[A-Z_]+(?=[ \\t]*:)", SyntaxStyle.DIRECTIVE),
            new Rule("ASSIGNED", "^[ \\t]*[A-Za-z_][\\w.\\-]*(?=[ \\t]*(?::{1,3}=|[+?!]?=))", SyntaxStyle.VARIABLE),
            new Rule("TARGET", "^(?!\\t)[^\\s#=:][^#=:\\n]*?(?=[ \\t]*::?(?!=))", SyntaxStyle.LABEL),
            new Rule("REFERENCE", "\\$\\([^)\\n]*\\)|\\$\\{[^}\\n]*\\}|\\$[@<^?*%+|]|\\$\\$", SyntaxStyle.VARIABLE),
            new Rule("STRING", DOUBLE_QUOTED + "|" + SINGLE_QUOTED, SyntaxStyle.STRING)),
            Pattern.compile("^\\t[^\\n]*", Pattern.MULTILINE), SyntaxStyle.RECIPE);

    private static final SyntaxHighlighter PLAIN_HIGHLIGHTER = new SyntaxHighlighter(SourceLanguage.PLAIN_TEXT,
            List.of(new Rule("NOTHING", "(?!)", SyntaxStyle.COMMENT)), null, null);
}
