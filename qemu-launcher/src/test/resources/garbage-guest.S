# A guest that prints COUNT bytes of pseudo-random garbage (never LF) on COM1, then exits with code 0.
# Assemble with --defsym WAIT_THRE=1 to make it wait for the transmit holding register to be empty (LSR bit 5)
# before each byte, as careful UART drivers do; by default it writes blindly, like many small kernels, and QEMU's
# 16550 then drops a byte whenever its chardev cannot take the previous one at once.
        .set MB_MAGIC, 0x1BADB002
        .text
        .align 4
        .long MB_MAGIC, 0, -MB_MAGIC
        .code32
        .globl _start
_start:
        mov $COUNT, %ecx
        mov $0x2545F491, %ebx          # xorshift32 state
        mov $0x3f8, %dx                # COM1 data register
1:      mov %ebx, %eax                 # xorshift32: x ^= x<<13; x ^= x>>17; x ^= x<<5
        shl $13, %eax
        xor %eax, %ebx
        mov %ebx, %eax
        shr $17, %eax
        xor %eax, %ebx
        mov %ebx, %eax
        shl $5, %eax
        xor %eax, %ebx
        mov %bl, %al
        cmp $0x0a, %al
        jne 2f
        mov $0xff, %al                 # never a newline
2:
        .ifdef WAIT_THRE
        mov %al, %ah
        mov $0x3fd, %dx                # COM1 line status register
4:      inb %dx, %al
        test $0x20, %al                # THRE: ready for the next byte
        jz 4b
        mov $0x3f8, %dx
        mov %ah, %al
        .endif
        outb %al, %dx
        loop 1b
        mov $0xf4, %dx                 # isa-debug-exit: code 0 -> QEMU status 1
        xor %eax, %eax
        outl %eax, %dx
3:      hlt
        jmp 3b
