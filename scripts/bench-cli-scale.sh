#!/bin/sh
# CLI = library? Times `analyze --format jsonl` over the 819 SPDX texts (listed REPEAT times, so that
# start-up weighs less) pinned to one core and to two (`taskset`), with hyperfine, next to the
# library's pipeline (`licensecheck-bench --only spdx`, one core and all cores) in the same minutes,
# and prints files/s (best, mean, worst of the runs) and the CLI's share of library x cores, and
# files per CPU second (user + system): on a loaded machine wall clock favours whichever build runs
# more threads (the scheduler shares cores by thread), CPU time does not.
#
#   scripts/bench-cli-scale.sh                  # BIN=.build/release/licensecheck RUNS=20 REPEAT=1
#   BASE=/tmp/old/licensecheck scripts/bench-cli-scale.sh   # also times an older build, interleaved
#
# BENCH= names the library benchmark (default .build/release/licensecheck-bench). The machine is
# shared: run it several times and report the ranges, never one figure.
set -eu
cd "$(dirname "$0")/.."
BIN=$(realpath "${BIN:-.build/release/licensecheck}")
BENCH=$(realpath "${BENCH:-.build/release/licensecheck-bench}")
[ -n "${BASE:-}" ] && BASE=$(realpath "$BASE")
RUNS=${RUNS:-20}
REPEAT=${REPEAT:-1}
CORPUS=${CORPUS:-../shared/corpus}
DIR="$CORPUS/spdx/test/simpleTestForGenerator"
[ -d "$DIR" ] || { echo "bench-cli-scale: $DIR missing (set CORPUS=...)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench-cli-scale: needs hyperfine" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

CORPUS=$(realpath "$CORPUS")
"$BENCH" --iterations 5 --only spdx --corpus "$CORPUS" --json >"$OUT/lib.json" 2>/dev/null
# Names relative to the folder: hyperfine takes the command as one argument, at most 128 KiB.
cd "$CORPUS/spdx/test/simpleTestForGenerator"
files=""
i=0
while [ "$i" -lt "$REPEAT" ]; do
  files="$files $(ls *.txt | tr '\n' ' ')"
  i=$((i + 1))
done
n=$(echo $files | wc -w)
for cpus in 0 0,1; do
  set -- "taskset -c $cpus $BIN analyze --format jsonl $files"
  [ -n "${BASE:-}" ] && set -- "taskset -c $cpus $BASE analyze --format jsonl $files" "$@"
  hyperfine -N --warmup 3 -r "$RUNS" --export-json "$OUT/cli-$cpus.json" "$@" >/dev/null 2>&1
done
"$BENCH" --iterations 5 --only spdx --corpus "$CORPUS" --json >"$OUT/lib2.json" 2>/dev/null

python3 - "$OUT" "$n" <<'EOF'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
lib = {}
for name in ("lib.json", "lib2.json"):
    for c in json.load(open(f"{out}/{name}"))["corpora"]:
        for s in c["stages"]:
            if s["stage"] == "pipeline":
                lib.setdefault(s["threads"], []).append(s["filesPerSecond"])
one = max(lib[1])
print(f"library pipeline: 1 core {', '.join(f'{x:,.0f}' for x in lib[1])} files/s; "
      f"{max(lib)} cores {', '.join(f'{x:,.0f}' for x in lib[max(lib)])} files/s (best of 5 iterations, two runs)")
for cpus, cores in (("0", 1), ("0,1", 2)):
    for r in json.load(open(f"{out}/cli-{cpus}.json"))["results"]:
        t = r["times"]
        best, mean, worst = n / min(t), n / (sum(t) / len(t)), n / max(t)
        cpu = n / (r["user"] + r["system"])
        who = r["command"].split()[3]
        print(f"{cores} core(s) {who}: {n} files, {best:,.0f} / {mean:,.0f} / {worst:,.0f} files/s "
              f"(best / mean / worst of {len(t)}); mean = {100 * mean / (one * cores):.0f} % of "
              f"best library 1-core x {cores}, best = {100 * best / (one * cores):.0f} %; "
              f"{cpu:,.0f} files per CPU second")
EOF
