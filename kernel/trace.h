// The Porthole trace stream, version 1, and its in-memory ring buffer.
//
// Stream (port PORT_DEBUGCON, QEMU isa-debugcon), one ASCII line each:
//   #porthole-trace 1 tsc_hz=<cycles per second>
//   <ph> <tsc> <name> [key=value]
// ph: B begin, E end, i instant, C counter. tsc: raw rdtsc, decimal.
//
// tsc_hz is known only after stage boot.timer, so records made before
// that wait in trace_ring; trace_stream_start() writes the header and
// replays them, after which every record is written as it is made.
//
// Ring buffer, for a debugger reading a crashed guest:
//   struct trace_rec trace_ring[TRACE_RING_N];   256 records of 40 bytes
//   uint64 trace_ring_head;   records ever made; the newest is
//                             trace_ring[(trace_ring_head - 1) % 256]
//   count = min(trace_ring_head, 256)
// Record layout (little endian, offsets in bytes):
//   0  uint64       tsc
//   8  const char * name   NUL-terminated, in the kernel image
//  16  const char * key    NULL when the record has no argument
//  24  uint64       value  the argument's value (decimal in the stream)
//  32  char         ph     'B', 'E', 'i' or 'C'
//  33  7 bytes padding
#ifndef TRACE_H
#define TRACE_H
#include "types.h"

#define TRACE_RING_N 256

struct trace_rec {
  uint64      tsc;
  const char *name;
  const char *key;
  uint64      value;
  char        ph;
  char        pad[7];
};

extern struct trace_rec trace_ring[TRACE_RING_N];
extern uint64 trace_ring_head;
extern uint64 boot_tsc_entry;            // entry.S: TSC at _start

void trace_init(void);
void trace_record(char ph, const char *name, const char *key, uint64 value);
void trace_stream_start(void);
void trace_flush(void);

static inline void trace_begin(const char *name)   { trace_record('B', name, NULL, 0); }
static inline void trace_end(const char *name)     { trace_record('E', name, NULL, 0); }
static inline void trace_instant(const char *name) { trace_record('i', name, NULL, 0); }
static inline void trace_counter(const char *name, const char *key, uint64 v)
{
  trace_record('C', name, key, v);
}

#endif
