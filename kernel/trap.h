// The frame vectors.S builds on the stack for every exception, lowest
// address first: general registers pushed by alltraps, then the vector
// number and error code pushed by the stub (or the CPU), then what the
// CPU pushes in long mode.
#ifndef TRAP_H
#define TRAP_H
#include "types.h"

struct trapframe {
  uint64 rax, rbx, rcx, rdx, rsi, rdi, rbp;
  uint64 r8, r9, r10, r11, r12, r13, r14, r15;
  uint64 vector;
  uint64 err;              // 0 for vectors without an error code
  uint64 rip, cs, rflags, rsp, ss;
};

#define T_DOUBLE_FAULT  8
#define T_PAGE_FAULT    14
#define NEXCEPTION      32

#endif
