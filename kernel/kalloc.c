// kalloc.c: the physical page allocator, 4 KiB pages.
//
// Called from kmain (stage boot.kalloc) and afterwards from anywhere;
// single CPU, interrupts off, so no lock. Free memory is the usable RAM
// from memmap[] above the kernel image and the loader's structures, and
// below BOOTMAP_TOP. Pages come from a free list of returned pages first,
// then by bumping through the regions in order, so kinit costs O(1)
// instead of touching every page of RAM (slow under TCG).
#include "types.h"
#include "defs.h"
#include "memlayout.h"
#include "trace.h"

struct run {
  struct run *next;
};

static struct {
  struct run *freelist;    // pages given back by kfree
  int region;              // memmap[] index being bumped through
  uint64 next;             // next never-used page in that region
  uint64 limit;            // end of that region
  uint64 nfree;            // pages available in total
} kmem;

uint64 kalloc_base;        // lowest address kalloc may hand out
uint64 kalloc_top;         // highest, + 1

static uint64
clamp(uint64 x, uint64 lo, uint64 hi)
{
  return x < lo ? lo : x > hi ? hi : x;
}

// Move the bump pointer to memmap[r], clipped to [kalloc_base, kalloc_top).
static void
use_region(int r)
{
  kmem.region = r;
  kmem.next = kmem.limit = 0;
  if(r >= nmemmap)
    return;
  kmem.next = PGROUNDUP(clamp(memmap[r].base, kalloc_base, kalloc_top));
  kmem.limit = PGROUNDDOWN(clamp(memmap[r].base + memmap[r].len,
                                 kalloc_base, kalloc_top));
  if(kmem.next > kmem.limit)
    kmem.next = kmem.limit;
}

void
kinit(void)
{
  int r;

  kalloc_base = PGROUNDUP((uint64)end > bootinfo_end ? (uint64)end : bootinfo_end);
  kalloc_top = BOOTMAP_TOP;
  for(r = 0; r < nmemmap; r++){
    use_region(r);
    kmem.nfree += (kmem.limit - kmem.next) / PGSIZE;
  }
  use_region(0);
  trace_counter("mem.free", "pages", kmem.nfree);
  kprintf("porthole: kalloc %lu free pages from %p\n",
          kmem.nfree, (void *)kalloc_base);
}

// Return one 4 KiB page, not zeroed, or NULL if memory is exhausted.
void*
kalloc(void)
{
  struct run *r = kmem.freelist;

  if(r){
    kmem.freelist = r->next;
  } else {
    while(kmem.next == kmem.limit && kmem.region < nmemmap)
      use_region(kmem.region + 1);
    if(kmem.next == kmem.limit)
      return NULL;
    r = (struct run *)kmem.next;
    kmem.next += PGSIZE;
  }
  kmem.nfree--;
  return r;
}

// Give back a page that kalloc returned.
void
kfree(void *pa)
{
  struct run *r = pa;

  if((uint64)pa % PGSIZE || (uint64)pa < kalloc_base || (uint64)pa >= kalloc_top)
    panic("kfree: not a page from kalloc");
  r->next = kmem.freelist;
  kmem.freelist = r;
  kmem.nfree++;
}

uint64
kalloc_free_pages(void)
{
  return kmem.nfree;
}
