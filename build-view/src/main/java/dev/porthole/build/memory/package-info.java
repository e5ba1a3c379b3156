/**
 * The guest's memory at a stop: QEMU's physical map, a 4-level page-table walk from CR3
 * ({@link dev.porthole.build.memory.PageTableWalker}) and each ELF section checked against its mapping
 * ({@link dev.porthole.build.memory.SectionCheck}), read through the debug session
 * ({@link dev.porthole.build.memory.RuntimeMemoryMap}).
 */
package dev.porthole.build.memory;
