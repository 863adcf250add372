#!/usr/bin/env bash
# Whole-process benchmark: each Vigil command against `promtool check rules` on the same input, JVM
# start-up included. Per size, the generator writes a fleet (.vigil sources and the plain rule files
# `vigil build` makes of it); each command runs once to warm the page cache, then RUNS times, and the
# median wall time and the peak RSS are reported with the ratio to promtool measured in the same run.
#
#   benchmarks/run.sh                     # sizes 1 100 1000 5000, 5 runs each
#   SIZES="1 100" RUNS=3 benchmarks/run.sh
#   SIZES="" benchmarks/run.sh             # the samples only
#   benchmarks/run.sh --out benchmarks/results/run.md    # also write the table and the machine
#
# After the sizes, each sample of samples/ is checked and built the same way (SAMPLES=0 skips them).
#
# Environment: SIZES, RUNS, SAMPLES, PROMTOOL (default: promtool on PATH), FORM (handwritten or templated
# sources for check and build; default handwritten), VIGIL_JAVA_OPTS (extra JVM options, after the
# launcher's own).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${SIZES:-1 100 1000 5000}"
runs="${RUNS:-5}"
promtool="${PROMTOOL:-promtool}"
form="${FORM:-handwritten}"
out=""
if [ "${1:-}" = "--out" ]; then
  out="${2:?--out needs a file}"
fi

command -v "$promtool" >/dev/null || { echo "run.sh: no promtool (install the Debian package prometheus, or set PROMTOOL)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (Debian package time)" >&2; exit 2; }

bench="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$bench" ]; then
  (cd "$root" && mvn -q -B -o package -pl benchmarks -am -DskipTests)
fi
# The launcher as users run it: its JVM options and class-data archive (built and trained here, once,
# so that no timed run pays for it). VIGIL_JAVA_OPTS reaches the JVM through it.
"$root/vigil" --version >/dev/null
vigil=("$root/vigil")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# measure CMD...: prints "median_seconds peak_rss_mb". The generated projects are clean, so any exit
# status but 0 means the command did not do the work (a refused input, an error): the benchmark stops.
measure() {
  local i t status
  "$@" >/dev/null 2>&1 || true
  : > "$work/times"
  for ((i = 0; i < runs; i++)); do
    set +e
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/stdout" 2>"$work/stderr"
    status=$?
    set -e
    if [ "$status" -ne 0 ]; then
      echo "run.sh: '$*' exited with $status:" >&2
      tail -5 "$work/stdout" "$work/stderr" >&2
      exit 1
    fi
    tail -1 "$work/t" >> "$work/times"
  done
  sort -n "$work/times" | awk -v n="$runs" '{ s[NR] = $1; if ($2 > m) m = $2 } END { printf "%.2f %.0f\n", s[int((n + 1) / 2)], m / 1024 }'
}

row() {
  local size="$1" work_name="$2" p="$3" v="$4"
  read -r ps pm <<< "$p"
  read -r vs vm <<< "$v"
  awk -v z="$size" -v w="$work_name" -v ps="$ps" -v pm="$pm" -v vs="$vs" -v vm="$vm" 'BEGIN {
    printf "| %s | %s | %.2f | %.2f | %.2f× | %d | %d | %.2f× |\n", z, w, ps, vs, (ps > 0 ? vs / ps : 0), pm, vm, (pm > 0 ? vm / pm : 0) }'
}

table="$work/table.md"
{
  echo "| services or sample | Vigil command | promtool s | Vigil s | time ratio | promtool MB | Vigil MB | RSS ratio |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$table"
cat "$table"
for n in $sizes; do
  dir="$work/fleet-$n"
  java -cp "$bench" dev.vigil.benchmarks.ProjectGenerator "$n" "$dir"
  rules=("$dir"/rules/*.yml)
  lint=("$dir"/lint/*.yml)
  p_lint="$(measure "$promtool" check rules "${lint[@]}")"
  p_all="$(measure "$promtool" check rules "${rules[@]}")"
  row "$n" "lint (${#lint[@]} file(s), $(cat "${lint[@]}" | grep -c -E '^ *- (record|alert):') rules)" "$p_lint" \
      "$(measure "${vigil[@]}" lint "${lint[@]}")" | tee -a "$table"
  row "$n" "check ($form)" "$p_all" "$(measure "${vigil[@]}" check "$dir/$form")" | tee -a "$table"
  row "$n" "build ($form)" "$p_all" "$(measure "${vigil[@]}" build "$dir/$form" --out "$dir/out")" | tee -a "$table"
  rm -rf "$dir"
done

# The samples: `vigil check` and `vigil build` of each against promtool on the rule files it builds.
if [ "${SAMPLES:-1}" != 0 ]; then
  for sample in "$root"/samples/*/; do
    name="$(basename "$sample")"
    [ -d "$sample/src/main/vigil" ] || continue
    "${vigil[@]}" build "$sample" --out "$work/$name" >/dev/null
    rules=("$work/$name"/prometheus/rules/*.yml)
    p_all="$(measure "$promtool" check rules "${rules[@]}")"
    row "$name" "check" "$p_all" "$(measure "${vigil[@]}" check "$sample")" | tee -a "$table"
    row "$name" "build" "$p_all" "$(measure "${vigil[@]}" build "$sample" --out "$work/$name")" | tee -a "$table"
    rm -rf "$work/$name"
  done
fi

if [ -n "$out" ]; then
  {
    echo "# Whole-process benchmark: $(date -u +%Y-%m-%d)"
    echo
    echo "\`benchmarks/run.sh\` with SIZES=\"$sizes\", RUNS=$runs, FORM=$form, VIGIL_JAVA_OPTS=\"${VIGIL_JAVA_OPTS:-}\"."
    echo "Median wall time of $runs runs after one warm-up, JVM start-up included; peak RSS is the largest of the runs."
    echo "promtool runs \`check rules\` on the lint file for the lint rows, and on every rule file \`vigil build\` writes for the others."
    echo
    echo "## Machine"
    echo
    echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "- memory: $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- java: $(java -version 2>&1 | head -2 | tail -1); the launcher's options: $(grep -m1 '^jvm=' "$root/vigil" | cut -d= -f2-)"
    echo "- promtool: $("$promtool" --version 2>&1 | head -1)"
    echo
    echo "## Results"
    echo
    cat "$table"
  } > "$out"
  echo "wrote $out"
fi
