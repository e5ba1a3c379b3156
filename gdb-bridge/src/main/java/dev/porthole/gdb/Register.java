package dev.porthole.gdb;

/**
 * One register with its value as gdb formats it in hex ({@code 0x100220}). Names are those of QEMU's
 * x86_64 target description: {@code rax..r15, rip, eflags} (the full RFLAGS), {@code cs ss ds es fs gs},
 * {@code fs_base gs_base k_gs_base cr0 cr2 cr3 cr4 cr8 efer}, x87 and SSE registers.
 */
public record Register(int number, String name, String value) {
}
