// The parts of the multiboot v1 information structure the kernel reads.
// The loader passes its physical address in ebx (see entry.S).
#ifndef MULTIBOOT_H
#define MULTIBOOT_H

#define MB_MAGIC          0x1BADB002   // in the header the kernel provides
#define MB_BOOT_MAGIC     0x2BADB002   // in eax when the loader jumps in
#define MB_FLAGS          0x00000003   // bit 0: align modules, bit 1: memory map

#define MBI_FLAG_CMDLINE  (1 << 2)
#define MBI_FLAG_MMAP     (1 << 6)
#define MMAP_AVAILABLE    1

#ifndef __ASSEMBLER__
#include "types.h"

struct multiboot_info {
  uint32 flags;
  uint32 mem_lower;        // KiB below 1 MiB
  uint32 mem_upper;        // KiB above 1 MiB
  uint32 boot_device;
  uint32 cmdline;          // physical address of a NUL-terminated string
  uint32 mods_count;
  uint32 mods_addr;
  uint32 syms[4];
  uint32 mmap_length;      // bytes of memory map
  uint32 mmap_addr;        // physical address of the first entry
} __attribute__((packed));

// One memory map entry; `size` does not count itself.
struct multiboot_mmap {
  uint32 size;
  uint64 base;
  uint64 len;
  uint32 type;
} __attribute__((packed));

#endif // __ASSEMBLER__
#endif
