// vectors.S: entry points for the 32 CPU exception vectors.
//
// Who jumps here: the CPU, through the IDT built by idt.c, on an exception.
// CPU mode: 64-bit long mode, ring 0, interrupts off (interrupt gates).
// Stack: the interrupted stack (or IST1 for a double fault), on which the
// CPU pushed ss, rsp, rflags, cs, rip and, for some vectors, an error code.
// Registers: those of the interrupted code, untouched.
//
// Each stub pushes a dummy error code when the CPU did not, then the vector
// number, so every exception reaches alltraps with the same frame; alltraps
// saves the general registers, making a struct trapframe (trap.h), and
// calls trap(tf) in panic.c.

.text
.balign 16
vector0:  pushq $0; pushq $0;  jmp alltraps   // #DE divide error
vector1:  pushq $0; pushq $1;  jmp alltraps   // #DB debug
vector2:  pushq $0; pushq $2;  jmp alltraps   // NMI
vector3:  pushq $0; pushq $3;  jmp alltraps   // #BP breakpoint
vector4:  pushq $0; pushq $4;  jmp alltraps   // #OF overflow
vector5:  pushq $0; pushq $5;  jmp alltraps   // #BR bound range
vector6:  pushq $0; pushq $6;  jmp alltraps   // #UD invalid opcode
vector7:  pushq $0; pushq $7;  jmp alltraps   // #NM device not available
vector8:            pushq $8;  jmp alltraps   // #DF double fault (err 0)
vector9:  pushq $0; pushq $9;  jmp alltraps   // coprocessor segment overrun
vector10:           pushq $10; jmp alltraps   // #TS invalid TSS
vector11:           pushq $11; jmp alltraps   // #NP segment not present
vector12:           pushq $12; jmp alltraps   // #SS stack-segment fault
vector13:           pushq $13; jmp alltraps   // #GP general protection
vector14:           pushq $14; jmp alltraps   // #PF page fault
vector15: pushq $0; pushq $15; jmp alltraps   // reserved
vector16: pushq $0; pushq $16; jmp alltraps   // #MF x87 floating point
vector17:           pushq $17; jmp alltraps   // #AC alignment check
vector18: pushq $0; pushq $18; jmp alltraps   // #MC machine check
vector19: pushq $0; pushq $19; jmp alltraps   // #XM SIMD floating point
vector20: pushq $0; pushq $20; jmp alltraps   // #VE virtualization
vector21:           pushq $21; jmp alltraps   // #CP control protection
vector22: pushq $0; pushq $22; jmp alltraps   // reserved
vector23: pushq $0; pushq $23; jmp alltraps   // reserved
vector24: pushq $0; pushq $24; jmp alltraps   // reserved
vector25: pushq $0; pushq $25; jmp alltraps   // reserved
vector26: pushq $0; pushq $26; jmp alltraps   // reserved
vector27: pushq $0; pushq $27; jmp alltraps   // reserved
vector28: pushq $0; pushq $28; jmp alltraps   // #HV hypervisor injection
vector29:           pushq $29; jmp alltraps   // #VC VMM communication
vector30:           pushq $30; jmp alltraps   // #SX security
vector31: pushq $0; pushq $31; jmp alltraps   // reserved

// Push a register and tell the unwinder where it went.
.macro push_saved reg
  pushq \reg
  .cfi_adjust_cfa_offset 8
  .cfi_rel_offset \reg, 0
.endm
.macro pop_saved reg
  popq \reg
  .cfi_adjust_cfa_offset -8
  .cfi_restore \reg
.endm

// Build the rest of struct trapframe (general registers, rax lowest) and
// hand it to trap(). trap() panics and never returns; should it ever
// return, the frame is restored and the faulting instruction retried.
//
// The CFI describes the CPU's interrupt frame as a signal frame, so a
// debugger stopped in trap() unwinds through here into the interrupted
// function: on entry the stack holds the vector and error code, then the
// CPU's rip, cs, rflags, rsp and ss (7 quadwords above rsp).
.cfi_sections .debug_frame
.type alltraps, @function
alltraps:
  .cfi_startproc simple
  .cfi_signal_frame
  .cfi_def_cfa %rsp, 7*8
  .cfi_offset %rip, -5*8
  .cfi_offset %rsp, -2*8
  push_saved %r15
  push_saved %r14
  push_saved %r13
  push_saved %r12
  push_saved %r11
  push_saved %r10
  push_saved %r9
  push_saved %r8
  push_saved %rbp
  push_saved %rdi
  push_saved %rsi
  push_saved %rdx
  push_saved %rcx
  push_saved %rbx
  push_saved %rax
  mov %rsp, %rdi
  xor %ebp, %ebp                      // trap() starts a fresh frame chain
  cld
  call trap
  pop_saved %rax
  pop_saved %rbx
  pop_saved %rcx
  pop_saved %rdx
  pop_saved %rsi
  pop_saved %rdi
  pop_saved %rbp
  pop_saved %r8
  pop_saved %r9
  pop_saved %r10
  pop_saved %r11
  pop_saved %r12
  pop_saved %r13
  pop_saved %r14
  pop_saved %r15
  add $16, %rsp                       // vector number and error code
  .cfi_adjust_cfa_offset -16
  iretq
  .cfi_endproc
.size alltraps, . - alltraps

// The stubs' addresses, indexed by vector, for idt.c.
.section .rodata
.balign 8
.globl vectors
vectors:
  .quad vector0,  vector1,  vector2,  vector3,  vector4,  vector5
  .quad vector6,  vector7,  vector8,  vector9,  vector10, vector11
  .quad vector12, vector13, vector14, vector15, vector16, vector17
  .quad vector18, vector19, vector20, vector21, vector22, vector23
  .quad vector24, vector25, vector26, vector27, vector28, vector29
  .quad vector30, vector31

.section .note.GNU-stack, "", @progbits
