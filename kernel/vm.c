// vm.c: the kernel page table, with per-section permissions for the image
// (xv6's kvminit). See memlayout.h for what is mapped how.
//
// Called from kmain (stage boot.vm), long mode, on entry.S's 1 GiB
// identity map, interrupts off, kalloc ready. Builds kpgdir from kalloc'd
// pages, then loads CR3: from then on writing to .text or executing from
// .data faults, and so does touching page 0 or anything beyond RAM.
#include "types.h"
#include "x86.h"
#include "defs.h"
#include "memlayout.h"
#include "trace.h"

#define PTE_NX   (1UL << 63)     // no execute (EFER.NXE is on)
#define PTE_ADDR(pte)  ((pte) & 0x000ffffffffff000UL)
#define PX(level, va)  (((va) >> (12 + 9 * (level))) & 0x1ff)

typedef uint64 pte_t;

// The page below boot_stack stays unmapped, so a stack overflow faults
// (and, with no stack left to push on, becomes a double fault on IST1)
// instead of silently overwriting .bss. It held entry.S's page directory,
// dead once kpgdir is loaded.
extern char boot_stack[];
#define STACK_GUARD ((uint64)boot_stack - PGSIZE)

uint64 *kpgdir;                  // the PML4 loaded in CR3 after boot.vm
extern uint64 kalloc_base, kalloc_top;

static pte_t*
zalloc_table(void)
{
  pte_t *t = kalloc();

  if(t == NULL)
    panic("kvminit: out of memory for page tables");
  memset(t, 0, PGSIZE);
  return t;
}

// The entry for va in the table at level leaf (0: PTE of a 4 KiB page,
// 1: PDE of a 2 MiB page), creating intermediate tables as needed.
// Intermediate entries allow everything; the leaf decides.
static pte_t*
walk(pte_t *pml4, uint64 va, int leaf)
{
  pte_t *t = pml4;
  int level;

  for(level = 3; level > leaf; level--){
    pte_t *e = &t[PX(level, va)];
    if(!(*e & PTE_P))
      *e = (uint64)zalloc_table() | PTE_P | PTE_W;
    t = (pte_t *)PTE_ADDR(*e);
  }
  return &t[PX(leaf, va)];
}

// Identity map [start, stop) with leaf flags perm: 2 MiB pages where a
// whole aligned 2 MiB fits (free RAM), 4 KiB pages elsewhere (the image).
static void
map_range(pte_t *pml4, uint64 start, uint64 stop, uint64 perm)
{
  uint64 a = PGROUNDDOWN(start);

  while(a < stop){
    if(a % HUGEPGSIZE == 0 && a + HUGEPGSIZE <= stop){
      *walk(pml4, a, 1) = a | perm | PTE_P | PTE_PS;
      a += HUGEPGSIZE;
    } else {
      *walk(pml4, a, 0) = a | perm | PTE_P;
      a += PGSIZE;
    }
  }
}

// Map the usable RAM between kalloc_base and kalloc_top: every page kalloc
// can hand out, including the page tables built here.
static void
map_free_ram(pte_t *pml4)
{
  int r;
  uint64 lo, hi;

  for(r = 0; r < nmemmap; r++){
    lo = memmap[r].base < kalloc_base ? kalloc_base : memmap[r].base;
    hi = memmap[r].base + memmap[r].len;
    if(hi > kalloc_top)
      hi = kalloc_top;
    if(lo < hi)
      map_range(pml4, PGROUNDUP(lo), PGROUNDDOWN(hi), PTE_W | PTE_NX);
  }
}

void
kvminit(void)
{
  pte_t *pml4 = zalloc_table();

  map_range(pml4, KERNBASE, (uint64)etext, 0);                    // R-X
  map_range(pml4, (uint64)etext, (uint64)erodata, PTE_NX);        // R--
  map_range(pml4, (uint64)erodata, STACK_GUARD, PTE_W | PTE_NX);  // RW-
  map_range(pml4, STACK_GUARD + PGSIZE, (uint64)end, PTE_W | PTE_NX);
  map_free_ram(pml4);
  kpgdir = pml4;
  lcr3((uint64)kpgdir);
  trace_counter("mem.free", "pages", kalloc_free_pages());
}
