#!/bin/sh
# Times `licensecheck analyze --format jsonl` against Debian's `licensecheck` (Perl, identification
# only) on the same SPDX plain texts, in one run, and prints the ratio. Installs Debian's tool when
# it is missing (needs root or sudo).
#
#   scripts/compare-debian.sh        # BIN=.build/release/licensecheck
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/licensecheck}
DIR=${DIR:-../shared/corpus/spdx/test/simpleTestForGenerator}
DEBIAN=/usr/bin/licensecheck
if [ ! -x "$BIN" ]; then
  echo "compare-debian: $BIN missing; build it first: swift build -c release --product licensecheck" >&2
  exit 2
fi
if [ ! -x "$DEBIAN" ]; then
  SUDO=
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y licensecheck >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y licensecheck >/dev/null; }
fi
n=$(find "$DIR" -maxdepth 1 -type f | wc -l)

# Both tools see the same list of files; output goes to /dev/null so only the work is timed.
t0=$(date +%s%N)
find "$DIR" -maxdepth 1 -type f -print0 | xargs -0 "$BIN" analyze --format jsonl >/dev/null 2>&1 || true
t1=$(date +%s%N)
find "$DIR" -maxdepth 1 -type f -print0 | xargs -0 "$DEBIAN" >/dev/null 2>&1 || true
t2=$(date +%s%N)

awk -v n="$n" -v a="$((t1 - t0))" -v b="$((t2 - t1))" 'BEGIN {
  printf "files:                    %d\n", n
  printf "licensecheck (this):      %8.2f s  %8.0f files/s  (full analysis, jsonl)\n", a / 1e9, n / (a / 1e9)
  printf "licensecheck (Debian):    %8.2f s  %8.0f files/s  (identification only)\n", b / 1e9, n / (b / 1e9)
  printf "ratio (Debian / this):    %8.1fx\n", b / a
}'
