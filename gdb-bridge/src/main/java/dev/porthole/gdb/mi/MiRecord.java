package dev.porthole.gdb.mi;

import java.util.OptionalLong;

/** One line of GDB/MI output, parsed by {@link MiParser}. */
public sealed interface MiRecord permits MiRecord.Result, MiRecord.Async, MiRecord.Stream, MiRecord.Prompt, MiRecord.Unknown {

    /** {@code [token]^class,results}: the answer to the command sent with the same token. */
    record Result(OptionalLong token, String resultClass, MiTuple results) implements MiRecord {
        public boolean isError() {
            return resultClass.equals("error");
        }

        /** gdb's own message of an {@code ^error}. */
        public String errorMessage() {
            return results.string("msg", "gdb answered ^" + resultClass + " without a message");
        }
    }

    enum AsyncKind {
        /** {@code *}: the target changed state (running, stopped). */
        EXEC,
        /** {@code +}: progress of a slow operation. */
        STATUS,
        /** {@code =}: something the front end should know (breakpoint modified, thread created). */
        NOTIFY
    }

    /** {@code [token]*class,results}, {@code +...} or {@code =...}. */
    record Async(OptionalLong token, AsyncKind kind, String asyncClass, MiTuple results) implements MiRecord {
    }

    enum StreamKind {
        /** {@code ~}: what gdb's CLI would print. */
        CONSOLE,
        /** {@code @}: output of the target (here: the QEMU monitor's answers). */
        TARGET,
        /** {@code &}: gdb's own log: echoed commands, errors. */
        LOG
    }

    /** {@code ~"text"}, {@code @"text"} or {@code &"text"}, unescaped. */
    record Stream(StreamKind kind, String text) implements MiRecord {
    }

    /** {@code (gdb)}: the end of one output block. */
    record Prompt() implements MiRecord {
    }

    /**
     * A line that is not MI (gdb prints a few of those to its stdout, e.g. warnings from libraries). Kept,
     * not dropped: it often explains the error that follows.
     */
    record Unknown(String line) implements MiRecord {
    }
}
