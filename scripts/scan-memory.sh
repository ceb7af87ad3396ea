#!/bin/sh
# Peak memory of a 10,000-file scan: copies the SPDX plain texts into a temporary tree 13 times
# (819 × 13 = 10,647 files, one licence per folder so that every file is analysed) and runs
# `licensecheck scan --format jsonl` under `/usr/bin/time -v` for the maximum resident set size.
#
#   scripts/scan-memory.sh           # BIN=.build/release/licensecheck
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/licensecheck}
DIR=${DIR:-../shared/corpus/spdx/test/simpleTestForGenerator}
COPIES=${COPIES:-13}
[ -x "$BIN" ] || { echo "scan-memory: $BIN missing" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scan-memory: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
c=0
while [ "$c" -lt "$COPIES" ]; do
  for f in "$DIR"/*; do
    b=$(basename "$f" .txt)
    mkdir -p "$TMP/$c/$b"
    cp "$f" "$TMP/$c/$b/LICENSE"
  done
  c=$((c + 1))
done
echo "files: $(find "$TMP" -type f | wc -l)"
/usr/bin/time -v "$BIN" scan --format jsonl "$TMP" >/dev/null 2>"$TMP.time" || true
grep -E "Maximum resident set size|Elapsed \(wall clock\)|Percent of CPU" "$TMP.time"
rm -f "$TMP.time"
