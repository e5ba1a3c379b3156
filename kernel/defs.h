// Prototypes of every kernel subsystem, grouped by file (xv6 defs.h).
#ifndef DEFS_H
#define DEFS_H
#include "types.h"

struct trapframe;

// app.c
void            app_run(void) __attribute__((noreturn));

// cmdline.c
struct cmdline {
  const char   *app;            // application name, "hello" by default
  uint64        count;          // count=N, 0 if not given
  int           has_count;
};
extern struct cmdline cmdline;
extern const char *const app_names;
void            cmdline_init(void);

// gdt.c
void            gdt_init(void);

// kalloc.c
void            kinit(void);
void*           kalloc(void);
void            kfree(void *pa);
uint64          kalloc_free_pages(void);

// kmalloc.c
void            kmalloc_init(void);
void*           kmalloc(uint64 n);
void            kmfree(void *p);

// kprintf.c
void            kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int             ksnprintf(char *buf, int size, const char *fmt, ...)
                  __attribute__((format(printf, 3, 4)));

// memmap.c
struct memregion {
  uint64        base;
  uint64        len;
};
extern struct memregion memmap[];
extern int      nmemmap;
extern uint64   mbinfo_addr;
extern uint64   bootinfo_end;
void            memmap_init(void);

// panic.c (also the exception handler)
void            panic(const char *msg) __attribute__((noreturn));
void            trap(struct trapframe *tf);

// serial.c
void            serial_init(void);
void            serial_putc(char c);
void            serial_puts(const char *s);

// string.c
void*           memset(void *dst, int c, uint64 n);
void*           memcpy(void *dst, const void *src, uint64 n);
void*           memmove(void *dst, const void *src, uint64 n);
int             memcmp(const void *a, const void *b, uint64 n);
uint64          strlen(const char *s);
int             strcmp(const char *a, const char *b);
int             strncmp(const char *a, const char *b, uint64 n);

// timer.c
extern uint64   tsc_hz;
uint64          timer_calibrate(void);
void            timer_init(void);

// trace.c: see trace.h

// vm.c
void            kvminit(void);

// idt.c
void            idt_init(void);

#endif
