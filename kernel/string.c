// Memory and string routines. gcc may emit calls to memset/memcpy/memmove/
// memcmp even in freestanding code, so they must exist with these names.
#include "types.h"
#include "defs.h"

void*
memset(void *dst, int c, uint64 n)
{
  uchar *d = dst;

  while(n-- > 0)
    *d++ = c;
  return dst;
}

void*
memmove(void *dst, const void *src, uint64 n)
{
  const uchar *s = src;
  uchar *d = dst;

  if(s < d && s + n > d){
    s += n;
    d += n;
    while(n-- > 0)
      *--d = *--s;
  } else {
    while(n-- > 0)
      *d++ = *s++;
  }
  return dst;
}

void*
memcpy(void *dst, const void *src, uint64 n)
{
  return memmove(dst, src, n);
}

int
memcmp(const void *a, const void *b, uint64 n)
{
  const uchar *p = a, *q = b;

  for(; n > 0; n--, p++, q++)
    if(*p != *q)
      return *p - *q;
  return 0;
}

uint64
strlen(const char *s)
{
  uint64 n = 0;

  while(s[n])
    n++;
  return n;
}

int
strncmp(const char *a, const char *b, uint64 n)
{
  while(n > 0 && *a && *a == *b)
    n--, a++, b++;
  if(n == 0)
    return 0;
  return (uchar)*a - (uchar)*b;
}

int
strcmp(const char *a, const char *b)
{
  return strncmp(a, b, (uint64)-1);
}
