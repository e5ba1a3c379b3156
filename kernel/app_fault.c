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

// Not a leaf on purpose: gcc gives leaf functions that need no stack no
// frame even with -fno-omit-frame-pointer, and a frameless function hides
// its caller from a frame-pointer backtrace.
__attribute__((noinline)) void
fault_touch_bad_pointer(void)
{
  kprintf("fault: writing to %p\n", (void *)fault_pointer);
  *fault_pointer = 0x600d;           // page fault here
  kprintf("fault: still alive?\n"); // not reached
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
  fault_level1();
  return EXIT_FAILURE;               // not reached
}
