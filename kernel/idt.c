// idt.c: the interrupt descriptor table for the 32 CPU exceptions.
//
// Called from kmain (stage boot.idt), long mode, interrupts off. Only the
// exceptions get gates: the kernel polls its devices and never enables
// interrupts. Every gate points to a stub in vectors.S.
#include "types.h"
#include "defs.h"
#include "gdt.h"
#include "trap.h"

#define GATE_INTR  0x8e        // present, DPL 0, 64-bit interrupt gate

struct gatedesc {
  uint16 off_lo;
  uint16 sel;
  uint8  ist;              // 0: current stack; n: TSS ist[n - 1]
  uint8  type;
  uint16 off_mid;
  uint32 off_hi;
  uint32 reserved;
} __attribute__((packed));

extern uint64 vectors[NEXCEPTION];          // vectors.S
static struct gatedesc idt[NEXCEPTION];

static void
set_gate(int v, uint64 handler, int ist)
{
  idt[v].off_lo = handler & 0xffff;
  idt[v].sel = SEG_KCODE;
  idt[v].ist = ist;
  idt[v].type = GATE_INTR;
  idt[v].off_mid = (handler >> 16) & 0xffff;
  idt[v].off_hi = handler >> 32;
  idt[v].reserved = 0;
}

void
idt_init(void)
{
  struct { uint16 limit; uint64 base; } __attribute__((packed)) d = {
    sizeof(idt) - 1, (uint64)idt,
  };
  int v;

  for(v = 0; v < NEXCEPTION; v++)
    set_gate(v, vectors[v], v == T_DOUBLE_FAULT ? IST_DOUBLE_FAULT : 0);
  asm volatile("lidt %0" : : "m"(d));
}
