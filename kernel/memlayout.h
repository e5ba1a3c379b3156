// Physical memory layout. The kernel runs identity mapped: every virtual
// address used by the kernel equals its physical address.
//
//                                 +-----------------------------+ 0xdead0000
//  FAULT_ADDR (never mapped) ---> |  (nothing: app "fault")     |
//                                 +-----------------------------+ 0x40000000
//  end of the boot identity map   |                             |   1 GiB
//                                 |  not RAM (with -m 64)       |
//                                 +-----------------------------+ top of RAM
//                                 |  free RAM: kalloc() pages,  |
//                                 |  heap slabs, page tables    |
//                                 +-----------------------------+ end = kalloc_base (*)
//  data + bss: RW, NX             |  .bss: stacks, boot page    |
//                                 |  tables, trace_ring         |
//                                 |  .data: gdt, tss            |
//                                 +-----------------------------+ erodata
//  rodata: R, NX                  |  .rodata: strings, tables   |
//                                 +-----------------------------+ etext
//  text: R-X                      |  .text: code                |
//                                 |  multiboot header (first)   |
//                                 +-----------------------------+ KERNBASE 0x100000
//                                 |  BIOS, VGA, option ROMs,    |
//                                 |  multiboot info, memory map |  (QEMU: mbinfo at
//                                 |  and cmdline (read in boot) |   0x9500)
//                                 +-----------------------------+ 0
//
// (*) or above the loader's structures, should a loader put them there.
//
// Two page tables exist during a boot:
//   1. entrypml4 (entry.S): identity maps [0, 1 GiB) with 2 MiB pages, RWX.
//      Enough to reach long mode and run kmain.
//   2. kpgdir (vm.c, stage boot.vm): only what is needed; 4 KiB pages for
//      the image, 2 MiB pages for aligned stretches of free RAM:
//        [KERNBASE, etext)    text      present, read-only, executable
//        [etext, erodata)     rodata    present, read-only, NX
//        [erodata, end)       data+bss  present, writable,  NX, except
//                             the guard page below boot_stack (unmapped)
//        [end, top of RAM)    free RAM  present, writable,  NX
//      Page 0 and everything below KERNBASE are unmapped, so a NULL
//      dereference faults, and so does anything at or above top of RAM.
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

// Plain numbers in assembly, unsigned long in C.
#ifdef __ASSEMBLER__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

#define KERNBASE     UL(0x100000)     // link and load address (1 MiB); kernel.ld agrees
#define BOOTMAP_TOP  UL(0x40000000)   // entry.S maps [0, 1 GiB)
#define FAULT_ADDR   UL(0xdead0000)   // above every mapping; app "fault" writes here

#define PGSIZE       UL(4096)
#define HUGEPGSIZE   UL(0x200000)     // 2 MiB
#define PGROUNDUP(a)   (((a) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(PGSIZE - 1))

#ifndef __ASSEMBLER__
// Symbols from kernel.ld.
extern char etext[], erodata[], edata[], end[];
#endif

#endif
