// app.c: choose the application named on the command line and run it.
//
// Called from kmain after the boot stages, long mode, the kernel page
// table, interrupts off. Brackets the run with B/E app.NAME trace records
// and exits with the application's code.
#include "types.h"
#include "defs.h"
#include "trace.h"
#include "exit.h"
#include "app.h"

static const struct app {
  const char *name;
  const char *trace_name;     // B/E record around the run
  int (*run)(void);
} apps[] = {
  { "hello",      "app.hello",      app_hello },
  { "fault",      "app.fault",      app_fault },
  { "compute",    "app.compute",    app_compute },
  { "tracestorm", "app.tracestorm", app_tracestorm },
};

// For messages; keep in the order of apps[].
const char *const app_names = "hello fault compute tracestorm";

static const struct app*
app_lookup(const char *name)
{
  uint i;

  for(i = 0; i < NELEM(apps); i++)
    if(strcmp(apps[i].name, name) == 0)
      return &apps[i];
  return NULL;
}

void
app_run(void)
{
  const struct app *a = app_lookup(cmdline.app);
  int code;

  if(a == NULL){
    kprintf("porthole: unknown app '%s'; applications: %s\n",
            cmdline.app, app_names);
    exit_qemu(EXIT_USAGE);
  }
  trace_begin(a->trace_name);
  code = a->run();
  trace_end(a->trace_name);
  exit_qemu(code);
}
