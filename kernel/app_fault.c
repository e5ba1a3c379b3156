// app_fault.c: a deliberate page fault, two calls deep, so the panic's
// backtrace has something to show: app_fault -> fault_level1 ->
// fault_touch_bad_pointer, which writes to FAULT_ADDR (never mapped; see
// memlayout.h). Expect CR2 = FAULT_ADDR, error code 0x2 (not present,
// write, supervisor) and exit code EXIT_PANIC.
#include "types.h"
#include "defs.h"
#include "memlayout.h"
#include "exit.h"
#include "app.h"

// Written through so the compiler cannot prove the store away.
volatile uint64 *volatile fault_pointer = (uint64 *)FAULT_ADDR;

__attribute__((noinline)) void
fault_touch_bad_pointer(void)
{
  *fault_pointer = 0x600d;           // page fault here
  asm volatile("" ::: "memory");     // keep this frame (no tail call)
}

__attribute__((noinline)) void
fault_level1(void)
{
  fault_touch_bad_pointer();
  asm volatile("" ::: "memory");
}

__attribute__((noinline)) int
app_fault(void)
{
  kprintf("fault: writing to %p\n", (void *)FAULT_ADDR);
  fault_level1();
  kprintf("fault: still alive?\n");  // not reached
  return EXIT_FAILURE;
}
