// Fixed-width integer types, xv6 style. The kernel is freestanding:
// no libc headers except the compiler's own <stdarg.h>.
#ifndef TYPES_H
#define TYPES_H

typedef unsigned char      uchar;
typedef unsigned short     ushort;
typedef unsigned int       uint;
typedef unsigned char      uint8;
typedef unsigned short     uint16;
typedef unsigned int       uint32;
typedef unsigned long      uint64;
typedef long               int64;

#define NULL ((void *)0)
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
