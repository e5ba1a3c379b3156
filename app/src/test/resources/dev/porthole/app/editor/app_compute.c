// app_compute.c: a small loop to step through and watch in gdb.
// Built with -O0 (Makefile) so the locals stay visible. compute_result
// changes every iteration: a target for `watch compute_result`.
// count=N sets the number of rounds (default 10).
#include "types.h"
#include "defs.h"
#include "exit.h"
#include "app.h"

#define COMPUTE_ROUNDS 10

struct point {
  int64 x;
  int64 y;
};

volatile uint64 compute_result;

// One step of a walk: move p by (dx, dy) and return its squared distance.
__attribute__((noinline)) static int64
compute_step(struct point *p, int64 dx, int64 dy)
{
  int64 dist2;

  p->x += dx;
  p->y += dy;
  dist2 = p->x * p->x + p->y * p->y;
  return dist2;
}

int
app_compute(void)
{
  struct point p = { 0, 0 };
  uint64 rounds = cmdline.has_count ? cmdline.count : COMPUTE_ROUNDS;
  uint64 i, sum = 0;
  int64 dx, dy, d2;

  for(i = 1; i <= rounds; i++){
    dx = (i % 3) - 1;                  // -1, 0, 1, ...
    dy = (int64)i;
    d2 = compute_step(&p, dx, dy);
    sum += d2;
    compute_result = sum;
  }
  kprintf("compute: rounds=%lu point=(%ld,%ld) result=%lu\n",
          rounds, p.x, p.y, sum);
  return EXIT_OK;
}
