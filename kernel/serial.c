// serial.c: the console, a 16550 UART on COM1.
//
// Called from kmain (stage boot.serial) in 64-bit long mode on the boot
// stack, interrupts off. The UART is polled: no interrupts, no buffering.
// On QEMU the line speed is fictional, so the divisor only matters on
// real hardware.
#include "types.h"
#include "x86.h"
#include "defs.h"

// UART registers, as offsets from PORT_COM1.
#define UART_DATA    0   // transmit/receive; divisor low byte when DLAB=1
#define UART_IER     1   // interrupt enable; divisor high byte when DLAB=1
#define UART_FCR     2   // FIFO control
#define UART_LCR     3   // line control
#define UART_MCR     4   // modem control
#define UART_LSR     5   // line status
#define LCR_DLAB     0x80
#define LCR_8N1      0x03
#define FCR_ENABLE   0xc7 // enable and clear FIFOs, 14-byte threshold
#define MCR_DTR_RTS  0x03
#define LSR_THRE     0x20 // transmit holding register empty

static int serial_ready;

void
serial_init(void)
{
  outb(PORT_COM1 + UART_IER, 0);
  outb(PORT_COM1 + UART_LCR, LCR_DLAB);
  outb(PORT_COM1 + UART_DATA, 1);          // divisor 1: 115200 baud
  outb(PORT_COM1 + UART_IER, 0);
  outb(PORT_COM1 + UART_LCR, LCR_8N1);
  outb(PORT_COM1 + UART_FCR, FCR_ENABLE);
  outb(PORT_COM1 + UART_MCR, MCR_DTR_RTS);
  serial_ready = 1;
}

void
serial_putc(char c)
{
  int spins;

  if(!serial_ready)
    serial_init();                       // a panic before boot.serial
  if(c == '\n')
    serial_putc('\r');
  // Bounded: a missing UART reads 0xff and never blocks us forever.
  for(spins = 0; spins < 100000; spins++)
    if(inb(PORT_COM1 + UART_LSR) & LSR_THRE)
      break;
  outb(PORT_COM1 + UART_DATA, c);
}

void
serial_puts(const char *s)
{
  while(*s)
    serial_putc(*s++);
}
