#!/bin/sh
# Instruction counts (valgrind --tool=callgrind) of `analyze --format jsonl` over the SPDX simple
# test texts and over the AI licences, one process each: stable on a loaded machine where timings
# are not. Prints total instructions and instructions per file; keeps the callgrind outputs in OUT
# for `callgrind_annotate`.
#
#   scripts/callgrind-count.sh            # BIN=.build/release/licensecheck OUT=/tmp/callgrind
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/licensecheck}
OUT=${OUT:-/tmp/callgrind}
CORPUS=${CORPUS:-../shared/corpus}
mkdir -p "$OUT"
count() {
  name=$1
  shift
  n=$#
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.out" "$BIN" analyze --format jsonl "$@" \
    >/dev/null 2>"$OUT/$name.log" || true
  ir=$(grep -E '^(summary|totals):' "$OUT/$name.out" | head -1 | awk '{print $2}')
  awk -v name="$name" -v n="$n" -v ir="$ir" \
    'BEGIN { printf "%-5s %5d files  %16.0f Ir  %12.0f Ir/file\n", name, n, ir, ir / n }'
}
count spdx "$CORPUS"/spdx/test/simpleTestForGenerator/*.txt
count ai "$CORPUS"/ai/*
# Start-up alone: `version` (ArgumentParser, runtime) and a one-file analyze.
valgrind --tool=callgrind --callgrind-out-file="$OUT/version.out" "$BIN" version >/dev/null 2>&1 || true
grep -E '^(summary|totals):' "$OUT/version.out" | head -1 | awk '{printf "version             %16.0f Ir\n", $2}'
