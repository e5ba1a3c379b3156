// gdt.c: the kernel's own GDT and a TSS.
//
// Called from kmain (stage boot.gdt), long mode, interrupts off, still on
// entry.S's boot GDT. Long mode ignores segment bases and limits, so the
// GDT only says "64-bit ring-0 code" and "ring-0 data". The TSS matters
// for one thing here: IST1, a separate stack for the double fault
// handler, so a kernel stack overflow still ends in a readable panic.
#include "types.h"
#include "defs.h"
#include "gdt.h"

struct tss {
  uint32 reserved0;
  uint64 rsp[3];          // stacks for privilege changes (unused: ring 0 only)
  uint64 reserved1;
  uint64 ist[7];          // interrupt stack table; IDT entries pick one
  uint64 reserved2;
  uint16 reserved3;
  uint16 iomap_base;
} __attribute__((packed));

static struct tss tss;
static uchar df_stack[4096] __attribute__((aligned(16)));
static uint64 gdt[5] = {
  0,                                  // null
  0x00af9a000000ffffUL,               // SEG_KCODE: present, DPL 0, 64-bit code
  0x00cf92000000ffffUL,               // SEG_KDATA: present, DPL 0, data
  0, 0,                               // SEG_TSS: 16-byte system descriptor
};

static void
set_tss_descriptor(void)
{
  uint64 base = (uint64)&tss;
  uint64 limit = sizeof(tss) - 1;

  gdt[3] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
           (0x89UL << 40) |           // present, type 9: available 64-bit TSS
           (((base >> 24) & 0xff) << 56);
  gdt[4] = base >> 32;
}

// Load the GDT, reload CS with a far return, the data segments, and TR.
static void
load_gdt(void)
{
  struct { uint16 limit; uint64 base; } __attribute__((packed)) d = {
    sizeof(gdt) - 1, (uint64)gdt,
  };

  asm volatile("lgdt %0" : : "m"(d));
  asm volatile("pushq %0\n"
               "leaq 1f(%%rip), %%rax\n"
               "pushq %%rax\n"
               "lretq\n"
               "1:"
               : : "i"(SEG_KCODE) : "rax", "memory");
  asm volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss"
               : : "r"(SEG_KDATA));
  asm volatile("ltr %0" : : "r"((uint16)SEG_TSS));
}

void
gdt_init(void)
{
  tss.ist[IST_DOUBLE_FAULT - 1] = (uint64)(df_stack + sizeof(df_stack));
  tss.iomap_base = sizeof(tss);       // no I/O permission bitmap
  set_tss_descriptor();
  load_gdt();
}
