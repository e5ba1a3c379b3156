package dev.porthole.gdb.mi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One GDB/MI command: its operation ({@code -break-insert}), its parameters, and the parser of its answer into a
 * typed result {@code R}. Subclasses are immutable; one instance is sent once.
 *
 * <p>The answer is the result record carrying the command's token: {@code ^done}/{@code ^running}/
 * {@code ^connected} reach {@link #parseResult}; {@code ^error} becomes an {@link MiErrorException} with gdb's
 * message. Stream records that arrive while the command is pending (the text of a {@code monitor} command) are
 * handed to {@link #parseResult} too.
 */
public abstract class MiCommand<R> {
    private final String operation;
    private final List<String> parameters;

    protected MiCommand(String operation, List<String> parameters) {
        this.operation = operation;
        this.parameters = List.copyOf(parameters);
    }

    public final String operation() {
        return operation;
    }

    public final List<String> parameters() {
        return parameters;
    }

    /**
     * How long gdb may take to answer before the command fails with a timeout; empty for the session's default
     * ({@code GdbOptions.commandTimeout}). Commands known to be slow (loading symbols) say so.
     */
    public java.util.Optional<Duration> timeout() {
        return java.util.Optional.empty();
    }

    /** The typed result of a successful answer. */
    public abstract R parseResult(MiRecord.Result result, List<MiRecord.Stream> streams);

    /** The line sent to gdb, without the newline. */
    public final String render(long token) {
        StringBuilder sb = new StringBuilder().append(token).append(operation);
        for (String p : parameters) {
            sb.append(' ').append(quote(p));
        }
        return sb.toString();
    }

    /** Quotes a parameter as an MI c-string when it has characters MI would split on. */
    public static String quote(String parameter) {
        boolean plain = !parameter.isEmpty();
        for (int i = 0; i < parameter.length() && plain; i++) {
            char c = parameter.charAt(i);
            plain = c > ' ' && c != '"' && c != '\\' && c != '\'' && c < 0x7f;
        }
        if (plain) {
            return parameter;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : parameter.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A parameter list builder that skips absent options. */
    public static final class Params {
        private final List<String> list = new ArrayList<>();

        public Params add(String... values) {
            list.addAll(List.of(values));
            return this;
        }

        public Params addIf(boolean condition, String... values) {
            if (condition) {
                list.addAll(List.of(values));
            }
            return this;
        }

        public List<String> build() {
            return list;
        }
    }

    @Override
    public String toString() {
        return render(0).substring(1);
    }
}
