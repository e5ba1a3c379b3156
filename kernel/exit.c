// exit.c: leave QEMU with a status the host can read.
//
// Called from app_run when the application returns and from panic, in
// long mode with any stack. See exit.h for the codes.
#include "types.h"
#include "x86.h"
#include "defs.h"
#include "trace.h"
#include "exit.h"

void
exit_qemu(int code)
{
  trace_flush();                   // the header and every buffered record
  kprintf("porthole: exit %d\n", code);
  outl(PORT_DEBUG_EXIT, code);     // QEMU exits with (code << 1) | 1
  // Still here: there is no isa-debug-exit device on this machine.
  kprintf("porthole: no isa-debug-exit device; halting\n");
  for(;;){
    cli();
    hlt();
  }
}
