// cmdline.c: parse the multiboot command line, `app=NAME [count=N]`.
//
// Called from kmain (stage boot.cmdline), long mode, identity map.
// QEMU's multiboot loader passes "<kernel path> <-append text>"; like
// GRUB, the first word is the image path and is skipped when it has no
// '='. An error prints what was wrong and the usage, then exits with
// EXIT_USAGE: a guest must never hang on a typo.
#include "types.h"
#include "defs.h"
#include "multiboot.h"
#include "exit.h"

#define CMDLINE_MAX 256

struct cmdline cmdline;
static char cmdbuf[CMDLINE_MAX];       // a copy: the loader's memory is reused

static void
usage_error(const char *what, const char *word)
{
  kprintf("porthole: %s '%s'; usage: app=NAME [count=N]; applications: %s\n",
          what, word, app_names);
  exit_qemu(EXIT_USAGE);
}

// Parse a decimal number; return 0 if s is not one.
static int
parse_u64(const char *s, uint64 *out)
{
  uint64 v = 0;

  if(*s == '\0')
    return 0;
  for(; *s; s++){
    if(*s < '0' || *s > '9' || v > ((uint64)-1 - 9) / 10)
      return 0;
    v = v * 10 + (*s - '0');
  }
  *out = v;
  return 1;
}

static void
parse_word(char *word, int first)
{
  char *eq = word;

  while(*eq && *eq != '=')
    eq++;
  if(*eq == '\0'){
    if(first)
      return;                           // the image path
    usage_error("bad argument (expected key=value)", word);
  }
  if(strncmp(word, "app=", 4) == 0){
    cmdline.app = word + 4;
  } else if(strncmp(word, "count=", 6) == 0){
    if(!parse_u64(word + 6, &cmdline.count))
      usage_error("bad count (expected a decimal number)", word);
    cmdline.has_count = 1;
  } else {
    usage_error("unknown option", word);
  }
}

// Split cmdbuf into words in place and parse each.
static void
parse(void)
{
  char *p = cmdbuf, *word;
  int first = 1;

  for(;;){
    while(*p == ' ')
      p++;
    if(*p == '\0')
      break;
    word = p;
    while(*p && *p != ' ')
      p++;
    if(*p)
      *p++ = '\0';
    parse_word(word, first);
    first = 0;
  }
}

void
cmdline_init(void)
{
  struct multiboot_info *mbi = (struct multiboot_info *)mbinfo_addr;
  const char *src = "";
  int n;

  if(mbi->flags & MBI_FLAG_CMDLINE)
    src = (const char *)(uint64)mbi->cmdline;
  for(n = 0; src[n] && n < CMDLINE_MAX - 1; n++)
    cmdbuf[n] = src[n];
  cmdbuf[n] = '\0';
  cmdline.app = "hello";
  parse();
  kprintf("porthole: booting app=%s\n", cmdline.app);
}
