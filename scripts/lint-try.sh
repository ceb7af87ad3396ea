#!/bin/sh
# Fails when a `try!` appears in Sources/: input paths must report errors, never trap (issue 18).
# For CI: `scripts/lint-try.sh` after `swift format lint`.
set -eu
cd "$(dirname "$0")/.."
if grep -rn --include='*.swift' 'try!' Sources; then
  echo "lint: 'try!' in Sources/ (above); throw a typed error or handle the failure instead" >&2
  exit 1
fi
