package dev.porthole.trace.io;

import java.io.IOException;

/** The input is not a trace any reader understands; the message names the file and the formats tried. */
public final class UnreadableTraceException extends IOException {
    public UnreadableTraceException(String message) {
        super(message);
    }
}
