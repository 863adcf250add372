#!/usr/bin/env bash
# The catalogue's cost. First the emitter alone on generated fleets (CatalogueTiming: about SIZES alerts
# each, compilation not timed), then each sample's whole `vigil build` (JVM start-up included) with its
# catalogue and without it (a copy without src/main/vigil/catalogue.vigil): median wall time of RUNS runs
# after one warm-up run each, and the difference.
#
#   benchmarks/catalogue.sh                       # sizes 5000 10000, 5 runs per sample
#   SIZES="2500 5000 10000" RUNS=3 benchmarks/catalogue.sh
#   SIZES="" benchmarks/catalogue.sh               # the samples only
#
# Environment: SIZES, RUNS, EMIT_RUNS (runs of the emitter per size, default 3), SAMPLES=0 skips the samples.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${SIZES-5000 10000}"
runs="${RUNS:-5}"
emit_runs="${EMIT_RUNS:-3}"

[ -x /usr/bin/time ] || { echo "catalogue.sh: needs GNU time at /usr/bin/time (Debian package time)" >&2; exit 2; }
bench="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$bench" ]; then
  (cd "$root" && mvn -q -B -o package -pl benchmarks -am -DskipTests)
fi
"$root/vigil" --version >/dev/null

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
if [ -n "$sizes" ]; then
  # shellcheck disable=SC2086
  java -cp "$bench" dev.vigil.benchmarks.CatalogueTiming --runs "$emit_runs" $sizes
  echo
fi
[ "${SAMPLES:-1}" = 0 ] && exit 0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# median DIR: the median wall time of `vigil build DIR` over RUNS runs, after one untimed run.
median() {
  local dir="$1" i
  "$root/vigil" build --out "$work/out" "$dir" >/dev/null 2>&1 || { echo "catalogue.sh: vigil build $dir failed" >&2; exit 1; }
  : > "$work/times"
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out"
    /usr/bin/time -f "%e" -o "$work/t" "$root/vigil" build --out "$work/out" "$dir" >/dev/null 2>&1
    tail -1 "$work/t" >> "$work/times"
  done
  sort -n "$work/times" | awk -v n="$runs" '{ s[NR] = $1 } END { printf "%.2f\n", s[int((n + 1) / 2)] }'
}

echo "| sample | without catalogue s | with catalogue s | difference s |"
echo "|---|---|---|---|"
for sample in "$root"/samples/*/; do
  name="$(basename "$sample")"
  [ -f "$sample/src/main/vigil/catalogue.vigil" ] || continue
  rm -rf "$work/with" "$work/without"
  cp -r "$sample" "$work/with"
  cp -r "$sample" "$work/without"
  rm -rf "$work/with/build" "$work/without/build" "$work/without/src/main/vigil/catalogue.vigil"
  without="$(median "$work/without")"
  with="$(median "$work/with")"
  awk -v n="$name" -v a="$without" -v b="$with" 'BEGIN { printf "| %s | %.2f | %.2f | %+.2f |\n", n, a, b, b - a }'
done
