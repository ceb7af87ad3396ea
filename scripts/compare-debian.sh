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
# Debian's tool skips files whose names do not look like source code (.txt among them) unless
# --check matches them.
t0=$(date +%s%N)
find "$DIR" -maxdepth 1 -type f -print0 | xargs -0 "$BIN" analyze --format jsonl >/dev/null 2>&1 || true
t1=$(date +%s%N)
find "$DIR" -maxdepth 1 -type f -print0 | xargs -0 "$DEBIAN" --check . >/dev/null 2>&1 || true
t2=$(date +%s%N)
# Debian's default reads only the first 60 lines of each file; --lines 0 reads them whole, as we do.
find "$DIR" -maxdepth 1 -type f -print0 | xargs -0 "$DEBIAN" --check . --lines 0 >/dev/null 2>&1 || true
t3=$(date +%s%N)

awk -v n="$n" -v a="$((t1 - t0))" -v b="$((t2 - t1))" -v c="$((t3 - t2))" 'BEGIN {
  printf "files:                    %d\n", n
  printf "licensecheck (this):      %8.2f s  %8.0f files/s  (full analysis, jsonl)\n", a / 1e9, n / (a / 1e9)
  printf "licensecheck (Debian):    %8.2f s  %8.0f files/s  (identification only, first 60 lines)\n", b / 1e9, n / (b / 1e9)
  printf "licensecheck (Debian -l0):%8.2f s  %8.0f files/s  (identification only, whole files)\n", c / 1e9, n / (c / 1e9)
  printf "ratio (Debian / this):    %8.2fx (default), %.2fx (--lines 0); above 1 means this tool is faster\n", b / a, c / a
}'
