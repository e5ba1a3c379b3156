// memmap.c: learn where the RAM is from the multiboot memory map.
//
// Called from kmain (stage boot.memmap), long mode, entry.S's identity
// map (so every multiboot pointer below 1 GiB can be dereferenced).
// Keeps the usable regions in memmap[] and notes where the loader's
// structures end, so kalloc does not hand them out.
#include "types.h"
#include "defs.h"
#include "memlayout.h"
#include "multiboot.h"
#include "trace.h"

#define NMEMMAP 32

struct memregion memmap[NMEMMAP];   // usable RAM, as the loader reported it
int nmemmap;
uint64 mbinfo_addr;                 // from kmain's argument
uint64 bootinfo_end;                // highest byte of loader data, + 1

static void
note_bootinfo(uint64 addr, uint64 len)
{
  if(addr + len > bootinfo_end)
    bootinfo_end = addr + len;
}

static void
add_region(uint64 base, uint64 len)
{
  if(nmemmap == NMEMMAP){
    kprintf("porthole: memmap: more than %d regions; ignoring %p\n",
            NMEMMAP, (void *)base);
    return;
  }
  memmap[nmemmap].base = base;
  memmap[nmemmap].len = len;
  nmemmap++;
}

void
memmap_init(void)
{
  struct multiboot_info *mbi = (struct multiboot_info *)mbinfo_addr;
  uint64 p, lim, usable = 0;
  struct multiboot_mmap *e;

  if(!(mbi->flags & MBI_FLAG_MMAP))
    panic("memmap: the loader gave no memory map (multiboot flag bit 6)");
  note_bootinfo(mbinfo_addr, sizeof(*mbi));
  note_bootinfo(mbi->mmap_addr, mbi->mmap_length);
  lim = mbi->mmap_addr + mbi->mmap_length;
  for(p = mbi->mmap_addr; p < lim; p += e->size + 4){
    e = (struct multiboot_mmap *)p;
    if(e->type != MMAP_AVAILABLE)
      continue;
    add_region(e->base, e->len);
    usable += e->len;
  }
  trace_counter("mem.usable", "kib", usable / 1024);
  kprintf("porthole: memory %lu KiB usable in %d regions\n",
          usable / 1024, nmemmap);
}
