#!/bin/sh
# Times CLI start-up: `licensecheck version` and a one-file `analyze`.
# Uses hyperfine when installed, else a loop timed with `date +%s%N`.
#
#   scripts/bench-cli.sh            # BIN=.build/release/licensecheck RUNS=50
#   BIN=.build-x/release/licensecheck RUNS=100 scripts/bench-cli.sh
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/licensecheck}
RUNS=${RUNS:-50}
FILE=${FILE:-../shared/corpus/spdx/test/simpleTestForGenerator/MIT.txt}
if [ ! -x "$BIN" ]; then
  echo "bench-cli: $BIN missing; build it first: swift build -c release --product licensecheck" >&2
  exit 2
fi
[ -f "$FILE" ] || { echo "bench-cli: $FILE missing (set FILE=...)" >&2; exit 2; }

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs "$RUNS" "$BIN version" "$BIN analyze --format jsonl $FILE"
  exit 0
fi

# Mean and best wall time of RUNS runs, in milliseconds.
time_cmd() {
  label=$1
  shift
  "$@" >/dev/null 2>&1 || true # warm the page cache
  total=0
  best=
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    d=$((t1 - t0))
    total=$((total + d))
    if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
    i=$((i + 1))
  done
  awk -v l="$label" -v t="$total" -v n="$RUNS" -v b="$best" \
    'BEGIN { printf "%-34s mean %7.2f ms   best %7.2f ms   (%d runs)\n", l, t / n / 1e6, b / 1e6, n }'
}

time_cmd "licensecheck version" "$BIN" version
time_cmd "licensecheck analyze (one file)" "$BIN" analyze --format jsonl "$FILE"
