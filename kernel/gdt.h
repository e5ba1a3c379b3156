// Segment selectors (gdt.c; entry.S uses the same first two) and the
// interrupt stack table slot for the double fault handler.
#ifndef GDT_H
#define GDT_H

#define SEG_KCODE         0x08
#define SEG_KDATA         0x10
#define SEG_TSS           0x18
#define IST_DOUBLE_FAULT  1

#endif
