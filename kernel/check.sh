#!/bin/bash
# check.sh: boot every application on both machines under TCG and check
# what a user would check: exit status, console text, the trace stream
# (header first, balanced B/E) and the panic report of app=fault.
#
#   ./check.sh [MACHINE...]      default: microvm pc
#   make check                   the same
set -u
cd "$(dirname "$0")"
ELF=build/porthole.elf
DBG=build/porthole.dbg
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }

# boot MACHINE APPEND: console in $TMP/out, trace in $TMP/trace, status in $st
boot() {
  rm -f "$TMP/trace"
  timeout 60 qemu-system-x86_64 -M "$1" -accel tcg -nodefaults -no-reboot \
    -display none -serial stdio \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -debugcon file:"$TMP/trace" -m 64 \
    -kernel "$ELF" -append "$2" > "$TMP/raw" 2> "$TMP/err"
  st=$?
  tr -d '\r' < "$TMP/raw" > "$TMP/out"         # the console ends lines with CRLF
}

expect_status() { [ "$st" = "$1" ] && pass "$2: status $st" || fail "$2: status $st, expected $1"; }
expect_out() { grep -aq -- "$1" "$TMP/out" && pass "$2: console has '$1'" || fail "$2: console lacks '$1'"; }

# Header first with a non-zero tsc_hz; every E closes the innermost B.
check_trace() {
  head -1 "$TMP/trace" | grep -q '^#porthole-trace 1 tsc_hz=[1-9][0-9]*$' \
    && pass "$1: trace header" || fail "$1: trace header: $(head -1 "$TMP/trace")"
  awk -v want="$2" '
    NR == 1 { next }
    $1 !~ /^[BEiC]$/ || $2 !~ /^[0-9]+$/ || $3 !~ /^[a-z]+(\.[a-z_0-9]+)+$/ { bad = "bad line " NR ": " $0; exit }
    $2 + 0 < last { bad = "tsc goes back at line " NR; exit }
    { last = $2 + 0 }
    $1 == "B" { stack[++n] = $3 }
    $1 == "E" { if (n == 0 || stack[n] != $3) { bad = "unbalanced E at line " NR; exit } n-- }
    END { if (bad == "" && n != want) bad = n " unclosed B"; if (bad != "") { print bad; exit 1 } }
  ' "$TMP/trace" > "$TMP/awk" && pass "$1: trace balanced" || fail "$1: trace: $(cat "$TMP/awk")"
}

check_fault() {
  local m=$1 addr sym
  grep -aq '^panic: page fault (vector 14) err=0x0000000000000002 cr2=0x00000000dead0000$' "$TMP/out" \
    && pass "$m fault: panic line" || fail "$m fault: panic line"
  # #0 is the faulting rip; the others are return addresses, so look up
  # the call instruction just before them.
  sed -n 's/^  #\([0-9]*\) 0x\([0-9a-f]*\)$/\1 \2/p' "$TMP/out" |
    while read -r n addr; do
      [ "$n" = 0 ] && echo "0x$addr" || printf '0x%x\n' $((16#$addr - 1))
    done | addr2line -f -e "$DBG" | sed -n 'p;n' > "$TMP/funcs"
  want="fault_touch_bad_pointer fault_level1 app_fault app_run kmain start64"
  got=$(echo $(cat "$TMP/funcs"))
  [ "$got" = "$want" ] && pass "$m fault: backtrace $got" || fail "$m fault: backtrace '$got', expected '$want'"
}

for m in ${@:-microvm pc}; do
  boot $m "app=hello";         expect_status 1 "$m hello"; expect_out "Hello from Porthole!" "$m hello"; check_trace "$m hello" 0
  boot $m "";                  expect_status 1 "$m default"; expect_out "Hello from Porthole!" "$m default"
  boot $m "app=compute";       expect_status 1 "$m compute"; expect_out "compute: rounds=10 point=(0,55) result=7945" "$m compute"; check_trace "$m compute" 0
  boot $m "app=fault";         expect_status 7 "$m fault"; check_fault $m; check_trace "$m fault" 1
  boot $m "app=tracestorm count=5000"; expect_status 1 "$m tracestorm"; expect_out "tracestorm: emitted 5000 events" "$m tracestorm"
  n=$(grep -c ' storm\.tick$' "$TMP/trace"); [ "$n" = 5000 ] && pass "$m tracestorm: 5000 delivered" || fail "$m tracestorm: $n delivered"
  check_trace "$m tracestorm" 0
  boot $m "app=foo";           expect_status 5 "$m unknown app"; expect_out "porthole: unknown app 'foo'; applications: hello fault compute tracestorm" "$m unknown app"; check_trace "$m unknown app" 0
  boot $m "app=hello junk";    expect_status 5 "$m malformed"; expect_out "applications: hello fault compute tracestorm" "$m malformed"
done
[ $failures = 0 ] && echo "all checks passed" || echo "$failures checks failed"
[ $failures = 0 ]
