// The demo applications. Each runs after boot, in long mode on the boot
// stack, interrupts off, with kalloc/kmalloc ready, and returns an exit
// code from exit.h.
#ifndef APP_H
#define APP_H

int app_hello(void);
int app_fault(void);
int app_compute(void);
int app_tracestorm(void);

#endif
