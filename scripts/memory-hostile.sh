#!/bin/sh
# Peak memory and time per input size for hostile shapes (issue 18, item 10): generates inputs of
# 1, 10 and 50 MB in five shapes and runs each command under `/usr/bin/time -v`, printing the
# maximum resident set size against the target of 10 × input + 40 MB.
#
# Shapes: plain prose; one giant line; a million short lines; a million numbered sections; deeply
# nested HTML. Inputs over the default 16 MiB limit are read with --max-bytes raised.
#
#   scripts/memory-hostile.sh                          # BIN=.build/release/licensecheck
#   SIZES="1 10" COMMANDS="analyze text" scripts/memory-hostile.sh
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/licensecheck}
SIZES=${SIZES:-1 10 50}
SHAPES=${SHAPES:-plain giant-line short-lines sections nested-html}
COMMANDS=${COMMANDS:-analyze identify text}
TIMEOUT=${TIMEOUT:-300}
[ -x "$BIN" ] || { echo "memory-hostile: $BIN missing (swift build -c release)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "memory-hostile: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "memory-hostile: python3 missing" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Writes $3 bytes (about) of shape $1 to $2. Every text is generated: no licence text is copied.
generate() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
shape, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
sentence = ("The gardener grants you a licence to copy, change and share the seed catalogue, "
            "provided that you keep this notice and do not use it for more than 700 million users. ")
with open(path, "w") as f:
    n = 0
    if shape == "plain":
        para = sentence * 6 + "\n\n"
        while n < size:
            f.write(para); n += len(para)
    elif shape == "giant-line":
        while n < size:
            f.write(sentence); n += len(sentence)
        f.write("\n")
    elif shape == "short-lines":
        i = 0
        while n < size:
            line = f"{i} seed\n"; f.write(line); n += len(line); i += 1
    elif shape == "sections":
        i = 1
        while n < size:
            line = f"{i}. Grant. You may copy it.\n"; f.write(line); n += len(line); i += 1
    elif shape == "nested-html":
        head = "<html><body>"
        f.write(head); n += len(head)
        depth = 0
        while n < size:
            chunk = "<div><p>You may share the catalogue. "
            f.write(chunk); n += len(chunk); depth += 1
        f.write("</p></div>" * min(depth, 1000) + "</body></html>\n")
EOF
}

printf '%-12s %5s %-9s %9s %10s %10s %s\n' shape MB command seconds "peak MB" "target MB" verdict
for size in $SIZES; do
  bytes=$((size * 1000000))
  limit=$((bytes + 1000000))
  for shape in $SHAPES; do
    ext=txt
    [ "$shape" = nested-html ] && ext=html
    input="$TMP/$shape-$size.$ext"
    generate "$shape" "$input" "$bytes"
    actual=$(wc -c <"$input")
    target=$(((actual * 10) / 1000000 + 40))
    for command in $COMMANDS; do
      status=0
      timeout "$TIMEOUT" /usr/bin/time -v "$BIN" "$command" --max-bytes "$limit" "$input" >/dev/null 2>"$TMP/time" \
        || status=$?
      kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time")
      wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time")
      seconds=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
      mb=$(((${kb:-0} + 512) / 1024))
      verdict=ok
      [ "$mb" -le "$target" ] || verdict=OVER
      [ "$status" -eq 0 ] || verdict="$verdict (exit $status)"
      printf '%-12s %5s %-9s %9s %10s %10s %s\n' "$shape" "$size" "$command" "${seconds:-?}" "$mb" "$target" "$verdict"
    done
    rm -f "$input"
  done
done
