package dev.porthole.launcher;

/** A QMP command failed: QEMU answered with an error, did not answer in time, or the connection is gone. */
public final class QmpException extends RuntimeException {
    private final String errorClass;

    public QmpException(String message, String errorClass) {
        super(message);
        this.errorClass = errorClass;
    }

    public QmpException(String message, Throwable cause) {
        super(message, cause);
        this.errorClass = null;
    }

    /** QEMU's error class ({@code GenericError}, {@code CommandNotFound}, ...), or null when QEMU did not answer. */
    public String errorClass() {
        return errorClass;
    }
}
