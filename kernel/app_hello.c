// app_hello.c: the smallest application.
#include "types.h"
#include "defs.h"
#include "exit.h"
#include "app.h"

int
app_hello(void)
{
  kprintf("Hello from Porthole!\n");
  return EXIT_OK;
}
