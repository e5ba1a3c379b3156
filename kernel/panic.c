// panic.c: report a fatal error on the console and exit with EXIT_PANIC.
//
// trap() is called from alltraps (vectors.S) with a struct trapframe on
// the faulting stack, interrupts off; panic() from any kernel code that
// finds an impossible state. Both print a fixed, parseable format
// (kernel/README.md, "Panic output"), then exit. Nothing here allocates.
#include "types.h"
#include "x86.h"
#include "defs.h"
#include "memlayout.h"
#include "trap.h"
#include "exit.h"
#include "trace.h"

#define BACKTRACE_MAX 16

static const char *const exception_names[NEXCEPTION] = {
  "divide error", "debug", "non-maskable interrupt", "breakpoint",
  "overflow", "bound range exceeded", "invalid opcode",
  "device not available", "double fault", "coprocessor segment overrun",
  "invalid TSS", "segment not present", "stack-segment fault",
  "general protection fault", "page fault", "reserved 15",
  "x87 floating-point error", "alignment check", "machine check",
  "SIMD floating-point error", "virtualization exception",
  "control protection exception", "reserved 22", "reserved 23",
  "reserved 24", "reserved 25", "reserved 26", "reserved 27",
  "hypervisor injection", "VMM communication", "security exception",
  "reserved 31",
};

static int panicking;

// A frame pointer we may follow: 8-aligned and inside the kernel image
// (all kernel stacks live in .bss).
static int
frame_ok(uint64 rbp)
{
  return rbp != 0 && (rbp & 7) == 0 &&
         rbp >= KERNBASE && rbp + 16 <= (uint64)end;
}

// #0 is pc itself; then follow the saved rbp chain: [rbp] is the caller's
// rbp, [rbp + 8] the return address into the caller.
static void
backtrace(uint64 pc, uint64 rbp)
{
  int n = 0;
  uint64 ret;

  kprintf("backtrace:\n");
  kprintf("  #%d %p\n", n++, (void *)pc);
  for(; n < BACKTRACE_MAX && frame_ok(rbp); n++){
    ret = ((uint64 *)rbp)[1];
    if(ret < KERNBASE || ret >= (uint64)etext)
      break;
    kprintf("  #%d %p\n", n, (void *)ret);
    rbp = ((uint64 *)rbp)[0];
  }
}

static void
print_registers(struct trapframe *tf)
{
  kprintf("rax=%p rbx=%p rcx=%p rdx=%p\n",
          (void *)tf->rax, (void *)tf->rbx, (void *)tf->rcx, (void *)tf->rdx);
  kprintf("rsi=%p rdi=%p rbp=%p rsp=%p\n",
          (void *)tf->rsi, (void *)tf->rdi, (void *)tf->rbp, (void *)tf->rsp);
  kprintf("r8=%p r9=%p r10=%p r11=%p\n",
          (void *)tf->r8, (void *)tf->r9, (void *)tf->r10, (void *)tf->r11);
  kprintf("r12=%p r13=%p r14=%p r15=%p\n",
          (void *)tf->r12, (void *)tf->r13, (void *)tf->r14, (void *)tf->r15);
  kprintf("rip=%p rflags=%p cs=%p ss=%p\n",
          (void *)tf->rip, (void *)tf->rflags, (void *)tf->cs, (void *)tf->ss);
}

// A second fault while reporting the first: say so, and stop at once.
static void
check_recursion(void)
{
  if(panicking){
    serial_puts("\npanic: fault while panicking\n");
    exit_qemu(EXIT_PANIC);
  }
  panicking = 1;
}

void
trap(struct trapframe *tf)
{
  check_recursion();
  trace_record('i', "kernel.panic", "vector", tf->vector);
  kprintf("panic: %s (vector %lu) err=%p cr2=%p\n",
          exception_names[tf->vector % NEXCEPTION], tf->vector,
          (void *)tf->err, (void *)rcr2());
  print_registers(tf);
  backtrace(tf->rip, tf->rbp);
  kprintf("panic: end\n");
  exit_qemu(EXIT_PANIC);
}

void
panic(const char *msg)
{
  uint64 rbp = rrbp();

  check_recursion();
  trace_instant("kernel.panic");
  kprintf("panic: %s\n", msg);
  backtrace(((uint64 *)rbp)[1], ((uint64 *)rbp)[0]);
  kprintf("panic: end\n");
  exit_qemu(EXIT_PANIC);
}
