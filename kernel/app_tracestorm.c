// app_tracestorm.c: emit many trace records, to load the trace channel
// and the host's trace reader. count=N records (default 100000), each an
// instant `i <tsc> storm.tick`.
#include "types.h"
#include "defs.h"
#include "trace.h"
#include "exit.h"
#include "app.h"

#define STORM_DEFAULT 100000

int
app_tracestorm(void)
{
  uint64 n = cmdline.has_count ? cmdline.count : STORM_DEFAULT;
  uint64 i;

  for(i = 0; i < n; i++)
    trace_instant("storm.tick");
  kprintf("tracestorm: emitted %lu events\n", n);
  return EXIT_OK;
}
