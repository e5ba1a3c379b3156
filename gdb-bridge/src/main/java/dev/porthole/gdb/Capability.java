package dev.porthole.gdb;

/** Optional parts of {@link DebugSession}; a view hides what its session lacks. */
public enum Capability {
    REGISTERS,
    MEMORY,
    DISASSEMBLY,
    MONITOR,
    INSTRUCTION_STEPPING,
    WATCHPOINTS,
    HARDWARE_BREAKPOINTS,
    THREADS
}
