#!/bin/sh
# Runs one libFuzzer target for SECONDS (issue 18).
#
#   scripts/fuzz.sh TARGET SECONDS
#   scripts/fuzz.sh reader 60
#   scripts/fuzz.sh --list
#
# Targets: reader (every format), text (tokeniser + segmenter), extractor (clause extraction),
# frontmatter, expression (SPDX expressions), template (SPDX template matcher), worddiff.
#
# The first run builds .build/fuzz/licensecheck-fuzz with `swiftc -sanitize=fuzzer,address` from
# Sources/LicenseCheck and Fuzz/ (a few minutes); later runs rebuild only when a source changed.
# Seeds: fixtures/ and, when present, ../shared/corpus (read, never copied into the project).
# New interesting inputs go to .build/fuzz/corpus/TARGET. A crash, a sanitizer report, a failed
# property or a run over 2 s (-timeout=2, so super-linear paths count) exits non-zero and leaves
# the input in .build/fuzz/artifacts/TARGET/: keep it in fixtures/fuzz/ with a regression test.
# Extra libFuzzer flags can go in FUZZ_FLAGS (for example FUZZ_FLAGS=-jobs=2).
set -eu
cd "$(dirname "$0")/.."

TARGETS="reader text extractor frontmatter expression template worddiff"
if [ "${1:-}" = "--list" ]; then
  echo "$TARGETS"
  exit 0
fi
if [ $# -ne 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS   (targets: $TARGETS)" >&2
  exit 2
fi
TARGET=$1
SECONDS_BUDGET=$2
case " $TARGETS " in *" $TARGET "*) ;; *)
  echo "fuzz: unknown target '$TARGET' (targets: $TARGETS)" >&2
  exit 2
  ;;
esac

OUT=.build/fuzz
BIN=$OUT/licensecheck-fuzz
mkdir -p "$OUT"
SOURCES=$(find Sources/LicenseCheck Fuzz -name '*.swift' | sort)
# Rebuild when any source is newer than the binary.
if [ ! -x "$BIN" ] || [ -n "$(find Sources/LicenseCheck Fuzz -name '*.swift' -newer "$BIN" | head -1)" ]; then
  echo "fuzz: building $BIN (swiftc -sanitize=fuzzer,address)" >&2
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name LicenseCheck -package-name licensecheck \
    -I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    $SOURCES -lxml2 -o "$BIN"
fi
# The embedded data (catalogue, fingerprints) beside the binary, where the library looks first.
RES=$OUT/licensecheck_LicenseCheck.resources
if [ ! -e "$RES" ]; then
  ln -s "$(pwd)/Sources/LicenseCheck/Resources" "$RES"
fi

CORPUS=$OUT/corpus/$TARGET
ARTIFACTS=$OUT/artifacts/$TARGET
mkdir -p "$CORPUS" "$ARTIFACTS"
SEEDS="fixtures/fuzz"
case "$TARGET" in
  reader | text | extractor | worddiff)
    SEEDS="$SEEDS fixtures/texts fixtures/reading fixtures/holdout/texts"
    for d in ../shared/corpus/ai ../shared/corpus/spdx/test/simpleTestForGenerator; do
      [ -d "$d" ] && SEEDS="$SEEDS $d"
    done
    [ "$TARGET" = reader ] && [ -d ../shared/corpus/spdx/src ] && SEEDS="$SEEDS ../shared/corpus/spdx/src"
    ;;
  frontmatter) SEEDS="$SEEDS fixtures/scan" ;;
  template)
    [ -d ../shared/corpus/spdx/src ] && SEEDS="$SEEDS ../shared/corpus/spdx/src"
    ;;
  expression) SEEDS="$SEEDS fixtures/fuzz/seeds/expression" ;;
esac

echo "fuzz: $TARGET for ${SECONDS_BUDGET}s, seeds: $SEEDS" >&2
# shellcheck disable=SC2086
FUZZ_TARGET=$TARGET ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$BIN" \
  -max_total_time="$SECONDS_BUDGET" -timeout=2 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/" ${FUZZ_FLAGS:-} "$CORPUS" $SEEDS
