// kmalloc.c: a small-object heap on top of kalloc.
//
// Called from kmain (stage boot.heap) and afterwards from anywhere;
// single CPU, no lock. Power-of-two size classes from 32 to 4096 bytes,
// each with a free list. A block starts with a 16-byte header naming its
// class, so kmfree needs no size; a fresh kalloc page is cut into blocks
// of one class. Requests above KMALLOC_MAX return NULL: use kalloc.
#include "types.h"
#include "defs.h"
#include "memlayout.h"

#define MIN_SHIFT    5                     // 32-byte blocks
#define NCLASS       8                     // ... up to 4096
#define KMALLOC_MAX  (PGSIZE - sizeof(struct header))
#define HEAP_MAGIC   0x6b6d616c6c6f63UL    // "kmalloc"

struct header {
  uint64 magic;
  uint64 class;          // block size is 1 << (class + MIN_SHIFT)
};

struct block {
  struct block *next;
};

static struct block *freelists[NCLASS];

void
kmalloc_init(void)
{
  int c;

  for(c = 0; c < NCLASS; c++)
    freelists[c] = NULL;
}

// Cut a fresh page into blocks of class c.
static int
refill(int c)
{
  uint64 size = 1UL << (c + MIN_SHIFT), off;
  char *page = kalloc();
  struct block *b;

  if(page == NULL)
    return 0;
  for(off = 0; off + size <= PGSIZE; off += size){
    b = (struct block *)(page + off);
    b->next = freelists[c];
    freelists[c] = b;
  }
  return 1;
}

void*
kmalloc(uint64 n)
{
  struct header *h;
  int c = 0;

  if(n > KMALLOC_MAX)
    return NULL;
  while((1UL << (c + MIN_SHIFT)) < n + sizeof(struct header))
    c++;
  if(freelists[c] == NULL && !refill(c))
    return NULL;
  h = (struct header *)freelists[c];
  freelists[c] = freelists[c]->next;
  h->magic = HEAP_MAGIC;
  h->class = c;
  return h + 1;
}

void
kmfree(void *p)
{
  struct header *h = (struct header *)p - 1;
  struct block *b = (struct block *)h;
  uint64 c;

  if(p == NULL)
    return;
  c = h->class;
  if(h->magic != HEAP_MAGIC || c >= NCLASS)
    panic("kmfree: not a block from kmalloc (or freed twice)");
  h->magic = 0;
  b->next = freelists[c];
  freelists[c] = b;
}
