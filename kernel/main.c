// main.c: kmain, the first C code, run once on the boot CPU.
//
// Who jumps here: entry.S (start64) with `call kmain`.
// CPU mode: 64-bit long mode; paging on with entry.S's identity map of the
// first 1 GiB; interrupts off; GDT from entry.S, no IDT yet.
// Registers: rdi = physical address of the multiboot information.
// Stack: boot_stack (16 KiB in .bss); rbp = 0 ends every backtrace.
//
// Each boot stage is bracketed by B/E records in the trace stream.
#include "types.h"
#include "defs.h"
#include "trace.h"

// Run one boot stage between its B and E trace records.
static void
stage(const char *name, void (*fn)(void))
{
  trace_begin(name);
  fn();
  trace_end(name);
}

void
kmain(uint64 mbinfo)
{
  mbinfo_addr = mbinfo;
  trace_init();                          // ring buffer; record boot.entry
  stage("boot.serial",  serial_init);    // COM1 console
  stage("boot.cmdline", cmdline_init);   // which application to run
  stage("boot.gdt",     gdt_init);       // segments and the TSS
  stage("boot.idt",     idt_init);       // CPU exception handlers
  stage("boot.memmap",  memmap_init);    // usable RAM, from multiboot
  stage("boot.kalloc",  kinit);          // physical page allocator
  stage("boot.heap",    kmalloc_init);   // small-object heap
  stage("boot.timer",   timer_init);     // TSC rate against the PIT
  stage("boot.vm",      kvminit);        // 4 KiB page tables, switch CR3
  trace_stream_start();                  // header + the buffered records
  app_run();                             // run the application and exit
}
