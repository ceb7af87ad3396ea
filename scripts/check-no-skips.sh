#!/usr/bin/env bash
# Runs `swift test` (extra arguments are passed on) and fails when it fails or when any test or suite was
# skipped. CI has the shared corpus and sets LICENSECHECK_E2E=1, so nothing there may be skipped; a skip
# means a test did not run, which must never pass silently.
set -uo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift test "$@" 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"

# Swift Testing: `➜ Test name() skipped: "reason"` / `Suite Name skipped`; XCTest: `… with N tests skipped`.
skips="$(grep -E '(Test|Suite) .* skipped(:|$| )|with [1-9][0-9]* tests? skipped' "$log" || true)"
count=0
[ -n "$skips" ] && count="$(printf '%s\n' "$skips" | wc -l)"

if [ "$status" -ne 0 ]; then
  echo "check-no-skips: swift test failed (exit $status)" >&2
  exit "$status"
fi
if [ "$count" -gt 0 ]; then
  echo "check-no-skips: $count skipped (every test must run here):" >&2
  printf '%s\n' "$skips" | sed 's/^/  /' >&2
  exit 1
fi
echo "check-no-skips: no test skipped"
