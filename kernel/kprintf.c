// kprintf.c: formatted output to the console, and into a buffer.
//
// Supports %s %c %d %u %x %p %% with an optional '0' flag, a field width
// and an 'l' length (%ld %lu %lx). %p prints 0x and 16 hex digits.
// Runs in any kernel context, including panic; uses no heap.
#include <stdarg.h>
#include "types.h"
#include "defs.h"

struct sink {
  char *buf;        // NULL: write to the console
  int   size;
  int   len;
};

static void
sink_putc(struct sink *s, char c)
{
  if(s->buf == NULL)
    serial_putc(c);
  else if(s->len < s->size - 1)
    s->buf[s->len] = c;
  s->len++;
}

static void
print_num(struct sink *s, uint64 x, int base, int neg, int width, char pad)
{
  static const char digits[] = "0123456789abcdef";
  char buf[24];
  int i = 0;

  do {
    buf[i++] = digits[x % base];
    x /= base;
  } while(x != 0);
  if(neg && pad == '0')
    sink_putc(s, '-');
  for(width -= i + neg; width > 0; width--)
    sink_putc(s, pad);
  if(neg && pad != '0')
    sink_putc(s, '-');
  while(--i >= 0)
    sink_putc(s, buf[i]);
}

static void
print_int(struct sink *s, char conv, int lng, va_list *ap, int width, char pad)
{
  int64 v;
  uint64 u;

  if(conv == 'd'){
    v = lng ? va_arg(*ap, int64) : va_arg(*ap, int);
    u = v < 0 ? -(uint64)v : (uint64)v;
    print_num(s, u, 10, v < 0, width, pad);
    return;
  }
  u = lng ? va_arg(*ap, uint64) : va_arg(*ap, uint);
  print_num(s, u, conv == 'x' ? 16 : 10, 0, width, pad);
}

static void
print_str(struct sink *s, const char *str, int width)
{
  int n;

  if(str == NULL)
    str = "(null)";
  for(n = strlen(str); n < width; n++)
    sink_putc(s, ' ');
  while(*str)
    sink_putc(s, *str++);
}

// One conversion: *fmt is the character after the flags and width.
static void
print_conv(struct sink *s, char conv, int lng, va_list *ap, int width, char pad)
{
  switch(conv){
  case 'd': case 'u': case 'x':
    print_int(s, conv, lng, ap, width, pad);
    break;
  case 'p':
    sink_putc(s, '0');
    sink_putc(s, 'x');
    print_num(s, (uint64)va_arg(*ap, void *), 16, 0, 16, '0');
    break;
  case 's':
    print_str(s, va_arg(*ap, const char *), width);
    break;
  case 'c':
    sink_putc(s, (char)va_arg(*ap, int));
    break;
  default:                 // %% and unknown conversions print themselves
    sink_putc(s, conv);
    break;
  }
}

static void
vformat(struct sink *s, const char *fmt, va_list *ap)
{
  int width, lng;
  char pad;

  for(; *fmt; fmt++){
    if(*fmt != '%'){
      sink_putc(s, *fmt);
      continue;
    }
    fmt++;
    pad = ' ';
    if(*fmt == '0')
      pad = '0', fmt++;
    for(width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
      width = width * 10 + (*fmt - '0');
    lng = 0;
    if(*fmt == 'l')
      lng = 1, fmt++;
    if(*fmt == '\0')
      return;
    print_conv(s, *fmt, lng, ap, width, pad);
  }
}

void
kprintf(const char *fmt, ...)
{
  struct sink s = { NULL, 0, 0 };
  va_list ap;

  va_start(ap, fmt);
  vformat(&s, fmt, &ap);
  va_end(ap);
}

// Like snprintf: always NUL-terminates, returns the untruncated length.
int
ksnprintf(char *buf, int size, const char *fmt, ...)
{
  struct sink s = { buf, size, 0 };
  va_list ap;

  va_start(ap, fmt);
  vformat(&s, fmt, &ap);
  va_end(ap);
  if(size > 0)
    buf[s.len < size ? s.len : size - 1] = '\0';
  return s.len;
}
