// trace.c: the trace stream and its ring buffer (format in trace.h).
//
// Called from every boot stage and from applications, in long mode,
// interrupts off, single CPU: no locking. Each record costs one rdtsc,
// 40 bytes of ring, and, once streaming, one `rep outsb` of the line.
#include "types.h"
#include "x86.h"
#include "defs.h"
#include "trace.h"

struct trace_rec trace_ring[TRACE_RING_N];
uint64 trace_ring_head;
const uint64 trace_ring_size = TRACE_RING_N;   // for debuggers
static int streaming;
static uint64 first_unsent;                    // oldest record not yet written

void
trace_init(void)
{
  trace_ring_head = 0;
  streaming = 0;
  first_unsent = 0;
  trace_record('i', "boot.entry", NULL, 0);
  trace_ring[0].tsc = boot_tsc_entry;          // when _start ran, not now
}

// Append the decimal digits of x to p; return the new end.
static char*
put_dec(char *p, uint64 x)
{
  char tmp[20];
  int n = 0;

  do {
    tmp[n++] = '0' + x % 10;
    x /= 10;
  } while(x != 0);
  while(n > 0)
    *p++ = tmp[--n];
  return p;
}

static char*
put_str(char *p, const char *s)
{
  while(*s)
    *p++ = *s++;
  return p;
}

static void
trace_write(struct trace_rec *r)
{
  char line[128], *p = line;

  *p++ = r->ph;
  *p++ = ' ';
  p = put_dec(p, r->tsc);
  *p++ = ' ';
  p = put_str(p, r->name);          // names and keys are short literals
  if(r->key){
    *p++ = ' ';
    p = put_str(p, r->key);
    *p++ = '=';
    p = put_dec(p, r->value);
  }
  *p++ = '\n';
  outsb(PORT_DEBUGCON, line, p - line);
}

void
trace_record(char ph, const char *name, const char *key, uint64 value)
{
  struct trace_rec *r = &trace_ring[trace_ring_head % TRACE_RING_N];

  r->tsc = rdtsc();
  r->name = name;
  r->key = key;
  r->value = value;
  r->ph = ph;
  trace_ring_head++;
  if(streaming){
    trace_write(r);
    first_unsent = trace_ring_head;
  }
}

// Write the header, then every buffered record still in the ring.
void
trace_stream_start(void)
{
  char line[96], *p = line;   // header: 25 + 20 + 5 + 20 + 1 bytes at most
  uint64 i;

  if(streaming)
    return;
  p = put_str(p, "#porthole-trace 1 tsc_hz=");
  p = put_dec(p, tsc_hz);
  // The TSC as this line is written: the host stamps the line's arrival,
  // so the pair ties guest time to host time exactly.
  p = put_str(p, " tsc=");
  p = put_dec(p, rdtsc());
  *p++ = '\n';
  outsb(PORT_DEBUGCON, line, p - line);
  i = first_unsent;
  if(trace_ring_head - i > TRACE_RING_N)
    i = trace_ring_head - TRACE_RING_N;       // older ones were overwritten
  for(; i < trace_ring_head; i++)
    trace_write(&trace_ring[i % TRACE_RING_N]);
  first_unsent = trace_ring_head;
  streaming = 1;
}

// Called on every exit path, so a usage error or an early panic still
// delivers the header (with a measured tsc_hz) and the buffered records.
void
trace_flush(void)
{
  if(streaming)
    return;
  if(tsc_hz == 0)
    tsc_hz = timer_calibrate();
  trace_stream_start();
}
