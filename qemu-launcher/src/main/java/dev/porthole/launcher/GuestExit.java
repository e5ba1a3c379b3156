package dev.porthole.launcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a guest ended.
 *
 * @param reason     why it ended
 * @param code       the guest's own exit code for {@link Reason#EXIT} and {@link Reason#PANIC} (from isa-debug-exit:
 *                   QEMU status {@code s} odd means code {@code s >> 1}), 0 for {@link Reason#SHUTDOWN}, -1 when the
 *                   guest gave none (timeout, killed, pvpanic, QEMU error)
 * @param message    one human sentence; for {@link Reason#QEMU_ERROR} it holds QEMU's own stderr
 * @param qemuStatus QEMU's process exit status (128 + signal number when a signal ended it, as shells report it)
 */
public record GuestExit(Reason reason, int code, String message, int qemuStatus) {
    /** The kernel's panic code (kernel/exit.h EXIT_PANIC): QEMU status 7. */
    public static final int KERNEL_PANIC_CODE = 3;

    public enum Reason {
        /** The guest wrote its exit code to isa-debug-exit. */
        EXIT,
        /** The guest panicked: the kernel's panic code, or a pvpanic GUEST_PANICKED event. */
        PANIC,
        /** The guest powered off, or QEMU was asked to quit; QEMU exited with status 0. */
        SHUTDOWN,
        /** The launch's timeout expired and Porthole killed QEMU. */
        TIMEOUT,
        /** QEMU was killed: by {@link Guest#kill()}, or by a signal from outside. */
        KILLED,
        /** QEMU refused to start or failed on its own (bad option, unreadable image, ...). */
        QEMU_ERROR;

        /** The lower-case, dash-separated name used in JSON and on the command line: {@code qemu-error}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** An exit whose QEMU status is unknown (-1): for fakes and callers that decode exits themselves. */
    public GuestExit(Reason reason, int code, String message) {
        this(reason, code, message, -1);
    }

    /**
     * The exit as JSON: {@code reason} (its {@link Reason#jsonName()}), {@code code}, {@code message},
     * {@code qemu_status}, in that order. The run record's {@code exit.json}, {@code porthole run --json} and
     * {@code porthole debug --json} all write it, so scripts read one shape.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reason", reason.jsonName());
        json.put("code", code);
        json.put("message", message);
        json.put("qemu_status", qemuStatus);
        return json;
    }

    /** True when the guest exited with code 0 or powered off cleanly. */
    public boolean success() {
        return (reason == Reason.EXIT && code == 0) || reason == Reason.SHUTDOWN;
    }
}
