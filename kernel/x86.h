// Thin wrappers around x86 instructions C cannot express, plus the names
// of the ports, MSRs and control-register bits the kernel uses.
// The constants are plain numbers so entry.S can include this file too.
#ifndef X86_H
#define X86_H

// I/O ports
#define PORT_COM1        0x3f8   // 16550 UART, the console
#define PORT_DEBUGCON    0xe9    // QEMU isa-debugcon, the trace stream
#define PORT_DEBUG_EXIT  0xf4    // QEMU isa-debug-exit (iosize=4)
#define PORT_PIT_CH0     0x40    // 8254 PIT channel 0 data
#define PORT_PIT_CH2     0x42    // 8254 PIT channel 2 data
#define PORT_PIT_CMD     0x43    // 8254 PIT mode/command
#define PORT_PIT_GATE    0x61    // bit 0: channel 2 gate, bit 5: channel 2 output

// Model-specific registers
#define MSR_EFER         0xc0000080
#define EFER_LME         (1 << 8)   // long mode enable
#define EFER_NXE         (1 << 11)  // no-execute enable

// Control-register bits
#define CR0_PE           (1 << 0)
#define CR0_WP           (1 << 16)  // supervisor honours read-only pages
#define CR0_PG           0x80000000
#define CR4_PAE          (1 << 5)   // 64-bit page table entries

// Page table entry bits (all four levels of a 4-level table)
#define PTE_P            0x001      // present
#define PTE_W            0x002      // writable
#define PTE_PS           0x080      // large page: 2 MiB in a page directory
                                    // (PTE_NX, bit 63, is in vm.c: C only)

#ifndef __ASSEMBLER__
#include "types.h"

static inline uchar
inb(ushort port)
{
  uchar v;
  asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

static inline void
outb(ushort port, uchar v)
{
  asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outl(ushort port, uint v)
{
  asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

// Write n bytes to one port with a single instruction.
static inline void
outsb(ushort port, const void *buf, uint64 n)
{
  asm volatile("rep outsb" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline uint64
rdtsc(void)
{
  uint lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64)hi << 32) | lo;
}

static inline uint64
rcr2(void)
{
  uint64 v;
  asm volatile("mov %%cr2, %0" : "=r"(v));
  return v;
}

static inline uint64
rcr3(void)
{
  uint64 v;
  asm volatile("mov %%cr3, %0" : "=r"(v));
  return v;
}

static inline void
lcr3(uint64 v)
{
  asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64
rrbp(void)
{
  uint64 v;
  asm volatile("mov %%rbp, %0" : "=r"(v));
  return v;
}

static inline void
cli(void)
{
  asm volatile("cli");
}

static inline void
hlt(void)
{
  asm volatile("hlt");
}

#endif // __ASSEMBLER__
#endif
