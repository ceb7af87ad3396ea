#!/bin/sh
# Byte-identical check for speed work: builds the release CLI, runs `analyze --format jsonl` over the
# whole corpus (SPDX simple test texts, AI licences, ScanCode licence texts) and compares the output
# with a baseline made before the change. Nothing is excluded: the jsonl output holds no timings.
#
#   scripts/check-identical.sh --make BASE.jsonl   # write the baseline (run on the commit before the change)
#   scripts/check-identical.sh BASE.jsonl          # build, run, compare; exit 1 on any difference
#
# BIN= uses an already built binary instead of building; CORPUS= points at another corpus folder.
# On a difference, a readable clause-level diff comes from scripts/corpus-diff.py BASE.jsonl NEW.jsonl.
set -eu
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
make=0
if [ "${1:-}" = "--make" ]; then
  make=1
  shift
fi
BASE=${1:?usage: check-identical.sh [--make] BASE.jsonl}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product licensecheck >&2
  BIN=.build/release/licensecheck
fi
[ -d "$CORPUS/spdx" ] || { echo "check-identical: $CORPUS missing (set CORPUS=...)" >&2; exit 2; }

run() {
  # A non-zero exit status (an unreadable input) does not stop the comparison: only stdout matters.
  "$BIN" analyze --format jsonl "$CORPUS"/spdx/test/simpleTestForGenerator/*.txt "$CORPUS"/ai/* \
    "$CORPUS"/scancode/licenses/*.LICENSE 2>/dev/null || true
}

if [ "$make" = 1 ]; then
  run >"$BASE"
  echo "check-identical: baseline $BASE: $(wc -l <"$BASE") lines, $(wc -c <"$BASE") bytes"
  exit 0
fi
[ -f "$BASE" ] || { echo "check-identical: baseline $BASE missing; make it with --make" >&2; exit 2; }
NEW=${NEW:-${TMPDIR:-/tmp}/check-identical.$$.jsonl}
run >"$NEW"
if cmp -s "$BASE" "$NEW"; then
  echo "check-identical: identical ($(wc -l <"$NEW") lines, $(wc -c <"$NEW") bytes)"
  rm -f "$NEW"
  exit 0
fi
echo "check-identical: DIFFERENT: $NEW vs $BASE (lines $(wc -l <"$NEW") vs $(wc -l <"$BASE"))" >&2
echo "  readable diff: scripts/corpus-diff.py $BASE $NEW" >&2
exit 1
