#!/usr/bin/env bash
# Renders every HTML page the tool writes (`table --format html`, `compat --matrix --format html`, `openness
# --format html`, `table --openness --format html`) in headless
# Chromium, saves a PNG of each, and fails when the browser logs anything to the console (errors, failed
# loads; the pages have no scripts, so any console line is a fault). A page with a deliberate console error
# is rendered first, to prove the check sees errors at all.
#
#   scripts/check-html.sh [OUT_DIR]     # default .build/html-check; PNGs and logs are left there
#
# Needs Chromium (Debian: apt-get install -y chromium). Exit 0 all clean, 1 console output or a missing
# screenshot, 2 no browser.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/html-check}"
mkdir -p "$out"

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "check-html: no Chromium found; install it (apt-get install -y chromium)" >&2
  exit 2
fi

swift build --product licensecheck >/dev/null || { echo "check-html: swift build failed" >&2; exit 1; }
lc="$(swift build --show-bin-path)/licensecheck"

# The pages: rows from the repository's own fixtures, and the compatibility matrix with ids and a path.
"$lc" table --format html --title "Fixture licences" fixtures/examples/heron-model/LICENSE \
  fixtures/scan/llama-model/LICENSE fixtures/scan/mislabelled/LICENSE >"$out/table-fixtures.html"
"$lc" table --format html --catalogue --title "Catalogue licences" Llama-3.1 Llama-4 Gemma-ToU-2024-04-01 \
  Qwen-2024 Stability-AI-Community-2024 >"$out/table-catalogue.html"
# Openness of model releases: one release's page, and the fixture releases side by side.
"$lc" openness --format html fixtures/openness/llama-style >"$out/openness-llama-style.html"
"$lc" table --openness --format html fixtures/openness/* >"$out/table-openness.html"
# Usage-profile verdicts: the check page and a table with a verdict column.
"$lc" check --format html --users 800M --activity fine-tune,hosted-service --as company Llama-3.1 \
  'MIT OR Llama-3.1' Apache-2.0 fixtures/examples/heron-model/LICENSE >"$out/check-profile.html" || [ $? -eq 1 ]
"$lc" compat --matrix MIT Apache-2.0 GPL-2.0-only GPL-2.0-or-later Llama-3.1 Gemma-ToU-2024-04-01 \
  fixtures/examples/heron-model/LICENSE --format html >"$out/compat-matrix.html"
# With the shared corpus (CI has it): real licences, including names with quotes (BSD-3-Clause).
corpus="${LICENSECHECK_SHARED:-../shared}/corpus"
if [ -d "$corpus" ]; then
  "$lc" table --format html --title "Corpus licences" "$corpus/ai/llama3_1.LICENSE.txt" \
    "$corpus/ai/gemma-terms-2024-04-01.txt" "$corpus/spdx/test/simpleTestForGenerator/Apache-2.0.txt" \
    "$corpus/spdx/test/simpleTestForGenerator/BSD-3-Clause.txt" >"$out/table-corpus.html"
fi
printf '<!DOCTYPE html><html><body><script>console.error("check-html self-test")</script></body></html>\n' \
  >"$out/self-test.bad.html"

render() { # page.html → page.png, console lines in page.log
  local page="$1" png="${1%.html}.png" log="${1%.html}.log" profile
  profile="$(mktemp -d)"
  rm -f "$png"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size=1600,1000 --enable-logging=stderr --v=0 \
    --screenshot="$png" "file://$(realpath "$page")" >"$log.full" 2>&1
  rm -rf "$profile"
  grep -E 'CONSOLE' "$log.full" >"$log" || true
}

render "$out/self-test.bad.html"
if [ ! -s "$out/self-test.bad.log" ]; then
  echo "check-html: the self-test's console error was not seen; cannot check pages with this browser" >&2
  exit 1
fi

status=0
for page in "$out"/*.html; do
  case "$page" in *.bad.html) continue ;; esac
  render "$page"
  png="${page%.html}.png"
  if [ ! -s "$png" ]; then
    echo "check-html: FAIL $page: no screenshot (see ${page%.html}.log.full)" >&2
    status=1
  elif [ -s "${page%.html}.log" ]; then
    echo "check-html: FAIL $page: console output:" >&2
    sed 's/^/  /' "${page%.html}.log" >&2
    status=1
  else
    echo "check-html: ok   $page → $png"
  fi
done
exit "$status"
