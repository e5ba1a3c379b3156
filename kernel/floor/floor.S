// floor.S: the smallest multiboot kernel, a boot-time baseline.
//
// Who jumps here: a multiboot v1 loader (QEMU -kernel), 32-bit protected
// mode, paging off, eax = 0x2BADB002, ebx = multiboot info, no stack.
// Prints one line on COM1 and exits through isa-debug-exit with code 0
// (QEMU status 1). Anything beyond this in porthole.elf costs boot time.

#define MB_MAGIC  0x1BADB002
#define MB_FLAGS  0x00000000
#define COM1      0x3f8
#define DEBUG_EXIT 0xf4

.section .multiboot, "a"
.balign 4
  .long MB_MAGIC
  .long MB_FLAGS
  .long -(MB_MAGIC + MB_FLAGS)

.text
.code32
.globl _start
_start:
  mov $msg, %esi
  mov $COM1, %dx
1:
  lodsb
  test %al, %al
  jz 2f
  outb %al, %dx
  jmp 1b
2:
  xor %eax, %eax
  mov $DEBUG_EXIT, %dx
  outl %eax, %dx
3:
  cli
  hlt
  jmp 3b

.section .rodata
msg:
  .asciz "floor: hello\r\n"

.section .note.GNU-stack, "", @progbits
