// Exit codes. The kernel writes the code to QEMU's isa-debug-exit device
// (port PORT_DEBUG_EXIT, 4 bytes); QEMU then exits with status
// (code << 1) | 1. Status 0 therefore never means a clean guest exit.
//
//   code  QEMU status  meaning
//   0     1            the application finished successfully
//   1     3            the application reported a failure
//   2     5            usage error: bad command line or unknown app
//   3     7            panic: CPU exception or kernel assertion
#ifndef EXIT_H
#define EXIT_H

#define EXIT_OK       0
#define EXIT_FAILURE  1
#define EXIT_USAGE    2
#define EXIT_PANIC    3

void exit_qemu(int code) __attribute__((noreturn));

#endif
