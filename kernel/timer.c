// timer.c: measure the TSC frequency against the 8254 PIT.
//
// Called from kmain (stage boot.timer), or from trace_flush on an early
// exit path; long mode, interrupts off. The PIT counts at a fixed
// 1193182 Hz. Channel 2 in mode 0 is loaded with the number of PIT ticks
// in CALIBRATE_MS and its OUT pin, readable in bit 5 of port 0x61, goes
// high when the count reaches zero; the TSC difference across that gate
// gives the TSC rate. No interrupts are used.
//
// -M microvm has a PIT but no port 0x61 (it reads 0xff, so OUT looks high
// at once). Then we fall back to channel 0, latching and reading its
// counter until CALIBRATE_MS worth of ticks have passed.
#include "types.h"
#include "x86.h"
#include "defs.h"
#include "trace.h"

#define PIT_HZ          1193182UL
#define CALIBRATE_MS    2
#define CALIBRATE_TICKS (PIT_HZ * CALIBRATE_MS / 1000)
#define PIT_CH2_MODE0   0xb0   // channel 2, lobyte/hibyte, mode 0, binary
#define PIT_CH0_MODE2   0x34   // channel 0, lobyte/hibyte, mode 2, binary
#define PIT_CH0_LATCH   0x00   // latch channel 0's count for reading
#define GATE_CH2        0x01
#define SPEAKER         0x02
#define OUT_CH2         0x20

uint64 tsc_hz;        // TSC cycles per second; 0 until calibrated

// Gate channel 2 for CALIBRATE_TICKS; return TSC cycles, 0 if no port 0x61.
static uint64
calibrate_ch2(void)
{
  uint64 t0, t1;
  uchar gate = inb(PORT_PIT_GATE);

  if(gate == 0xff)
    return 0;
  outb(PORT_PIT_GATE, (gate & ~SPEAKER) | GATE_CH2);
  outb(PORT_PIT_CMD, PIT_CH2_MODE0);
  outb(PORT_PIT_CH2, CALIBRATE_TICKS & 0xff);
  outb(PORT_PIT_CH2, CALIBRATE_TICKS >> 8);
  t0 = rdtsc();
  while((inb(PORT_PIT_GATE) & OUT_CH2) == 0)
    ;
  t1 = rdtsc();
  outb(PORT_PIT_GATE, gate);
  return t1 - t0;
}

static uint
pit_ch0_read(void)
{
  uint lo, hi;

  outb(PORT_PIT_CMD, PIT_CH0_LATCH);
  lo = inb(PORT_PIT_CH0);
  hi = inb(PORT_PIT_CH0);
  return (hi << 8) | lo;
}

// Let channel 0 count down from 0x10000 and watch CALIBRATE_TICKS pass.
static uint64
calibrate_ch0(void)
{
  uint64 t0, t1;
  uint start, now;

  outb(PORT_PIT_CMD, PIT_CH0_MODE2);
  outb(PORT_PIT_CH0, 0);
  outb(PORT_PIT_CH0, 0);
  start = pit_ch0_read();
  t0 = rdtsc();
  do {
    now = pit_ch0_read();
  } while(((start - now) & 0xffff) < CALIBRATE_TICKS);
  t1 = rdtsc();
  return (t1 - t0) * CALIBRATE_TICKS / ((start - now) & 0xffff);
}

uint64
timer_calibrate(void)
{
  uint64 cycles = calibrate_ch2();

  if(cycles < 1000)            // no working channel 2 gate
    cycles = calibrate_ch0();
  return cycles * PIT_HZ / CALIBRATE_TICKS;
}

void
timer_init(void)
{
  tsc_hz = timer_calibrate();
  kprintf("porthole: tsc %lu kHz\n", tsc_hz / 1000);
}
