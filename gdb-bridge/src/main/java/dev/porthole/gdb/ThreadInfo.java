package dev.porthole.gdb;

import java.util.Optional;

/** A thread of the target: a virtual CPU under QEMU's stub, a Java thread under JDI. */
public record ThreadInfo(String id, String name, String state, Optional<Frame> frame, boolean current) {
}
