// entry.S: the first instructions of the kernel.
//
// Who jumps here: a multiboot v1 loader (QEMU -kernel, GRUB) jumps to
// _start, the ELF entry point, after loading the image at KERNBASE (1 MiB).
// CPU mode: 32-bit protected mode, paging off, interrupts off, flat 4 GiB
// code and data segments whose selectors we must not trust (no GDT of ours).
// Registers: eax = 0x2BADB002 (multiboot magic), ebx = physical address of
// the multiboot information structure. Nothing else is defined.
// Stack: none; esp is undefined.
//
// What it does: record the TSC, zero .bss, take a stack, build page tables
// that identity map the first 1 GiB with 2 MiB pages, enable PAE, long mode
// and no-execute, turn on paging, load a 64-bit GDT, far jump into 64-bit
// code and call kmain(mbinfo) in main.c. kmain never returns.

#include "x86.h"
#include "memlayout.h"
#include "gdt.h"
#include "multiboot.h"

#define BOOT_STACK_SIZE 16384

// The multiboot header must sit in the first 8 KiB of the file, 4-byte
// aligned. kernel.ld places .multiboot first.
.section .multiboot, "a"
.balign 4
multiboot_header:
  .long MB_MAGIC
  .long MB_FLAGS
  .long -(MB_MAGIC + MB_FLAGS)

.section .text.entry, "ax"
.code32
.globl _start
_start:
  cli
  cld
  mov %eax, %esi                      // multiboot magic
  rdtsc                               // the very first timestamp of the boot
  mov %eax, boot_tsc_entry
  mov %edx, boot_tsc_entry + 4

  cmp $MB_BOOT_MAGIC, %esi
  jne not_multiboot

  // Zero .bss: it holds the stack and the page tables we are about to fill.
  mov $edata, %edi
  mov $end, %ecx
  sub %edi, %ecx
  shr $2, %ecx
  xor %eax, %eax
  rep stosl
  mov $boot_stack_top, %esp

  // PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] -> i * 2 MiB.
  movl $(entrypdpt + PTE_P + PTE_W), entrypml4
  movl $(entrypd + PTE_P + PTE_W), entrypdpt
  mov $entrypd, %edi
  mov $(PTE_P + PTE_W + PTE_PS), %eax
  mov $(BOOTMAP_TOP / HUGEPGSIZE), %ecx
1:
  mov %eax, (%edi)
  add $HUGEPGSIZE, %eax
  add $8, %edi
  loop 1b

  mov %cr4, %eax
  or $CR4_PAE, %eax
  mov %eax, %cr4
  mov $entrypml4, %eax
  mov %eax, %cr3
  mov $MSR_EFER, %ecx
  rdmsr
  or $(EFER_LME + EFER_NXE), %eax
  wrmsr
  mov %cr0, %eax
  or $(CR0_PG + CR0_WP), %eax
  mov %eax, %cr0                      // now in long mode, 32-bit compatibility

  lgdt bootgdtdesc
  ljmp $SEG_KCODE, $start64

not_multiboot:
  // Not loaded by a multiboot loader: nothing we can report safely.
  hlt
  jmp not_multiboot

.code64
.cfi_sections .debug_frame
// A typed, sized symbol, so symbolizers and gdb can place a return address
// inside start64 (the last frame of every backtrace).
.type start64, @function
start64:
  .cfi_startproc
  .cfi_undefined rip                  // the outermost frame: debuggers stop here
  mov $SEG_KDATA, %ax
  mov %ax, %ds
  mov %ax, %es
  mov %ax, %ss
  xor %ax, %ax
  mov %ax, %fs
  mov %ax, %gs
  mov $boot_stack_top, %rsp
  xor %ebp, %ebp                      // terminates the backtrace
  mov %ebx, %edi                      // kmain(mbinfo), zero-extended
  call kmain
1:
  cli
  hlt
  jmp 1b
  .cfi_endproc
.size start64, . - start64

// A 64-bit GDT just good enough to get into long mode; gdt_init() in gdt.c
// replaces it with the real one (same selectors, plus a TSS).
.section .rodata
.balign 8
bootgdt:
  .quad 0                             // null
  .quad 0x00af9a000000ffff            // SEG_KCODE: 64-bit code, DPL 0
  .quad 0x00cf92000000ffff            // SEG_KDATA: data, DPL 0
bootgdtdesc:
  .word bootgdtdesc - bootgdt - 1
  .long bootgdt

.data
.balign 8
.globl boot_tsc_entry
boot_tsc_entry:                       // TSC when _start ran (in .data: survives bss zeroing)
  .quad 0

.bss
.balign 4096
.globl entrypml4
entrypml4:
  .space 4096
entrypdpt:
  .space 4096
entrypd:                              // after boot.vm: the boot stack's guard page
  .space 4096
.globl boot_stack, boot_stack_top
boot_stack:
  .space BOOT_STACK_SIZE
boot_stack_top:

.section .note.GNU-stack, "", @progbits
