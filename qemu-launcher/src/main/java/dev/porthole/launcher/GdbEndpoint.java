package dev.porthole.launcher;

/**
 * Where QEMU's gdbstub listens, as gdb's {@code target remote} takes it: a unix socket path (gdb 13 connects to
 * a path that is a socket) or {@code 127.0.0.1:PORT}.
 */
public record GdbEndpoint(String target) {
    public boolean isUnixSocket() {
        return target.startsWith("/");
    }
}
