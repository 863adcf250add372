#!/usr/bin/env bash
# The compiler's hot stages, each on its own (StageBenchmark, JMH): writes the raw JMH results to
# $OUT/stages.json and a summary with the machine description to $OUT/stages.md.
#
#   benchmarks/stages.sh                                    # every stage, 100 services: about 15 minutes on 2 cores
#   benchmarks/stages.sh 'StageBenchmark.(parse|lowering)'  # only the benchmarks the JMH regex selects
#   benchmarks/stages.sh StageBenchmark.validators -p family=Duplicate   # JMH options after the regex are passed on
#   SERVICES=20 WARMUP=1 ITERATIONS=2 OUT=/tmp/stages benchmarks/stages.sh
#
# Environment: SERVICES (fleet size, default 100), FORKS (default 1), WARMUP and ITERATIONS (default 2
# and 3), TIME (of each iteration, default 1s), PROF (a JMH profiler, default gc for the bytes allocated
# per operation; empty for none), OUT (default benchmarks/results), JAVA_OPTS (options of the forked JVMs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
filter="${1:-dev.vigil.benchmarks.StageBenchmark}"
shift $(( $# > 0 ? 1 : 0 ))
services="${SERVICES:-100}"
forks="${FORKS:-1}"
warmup="${WARMUP:-2}"
iterations="${ITERATIONS:-3}"
time="${TIME:-1s}"
prof="${PROF-gc}"
out="${OUT:-$root/benchmarks/results}"
java_opts="${JAVA_OPTS:-}"

command -v python3 >/dev/null || { echo "stages.sh: needs python3 to summarise the JMH results" >&2; exit 2; }
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -o package -pl benchmarks -am -DskipTests)
fi
mkdir -p "$out"
json="$out/stages.json"
md="$out/stages.md"

args=("$filter" -p "services=$services" -f "$forks" -wi "$warmup" -i "$iterations" -w "$time" -r "$time"
      -rf json -rff "$json")
if [ -n "$prof" ]; then args+=(-prof "$prof"); fi
if [ -n "$java_opts" ]; then args+=(-jvmArgsAppend "$java_opts"); fi
# Last, so that they override the settings above.
args+=("$@")
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start="$(date +%s)"
java -jar "$jar" "${args[@]}"
elapsed="$(( $(date +%s) - start ))"

{
  echo "# Stage benchmarks: $(date -u +%Y-%m-%d)"
  echo
  echo "\`benchmarks/stages.sh '$filter'${*:+ $*}\` with SERVICES=$services, FORKS=$forks, WARMUP=$warmup, ITERATIONS=$iterations,"
  echo "TIME=$time, PROF=${prof:-none}, JAVA_OPTS=\"$java_opts\"; the run took $((elapsed / 60)) min $((elapsed % 60)) s."
  echo "Raw JMH results: [\`$(basename "$json")\`]($(basename "$json")). Mean time per operation;"
  echo "the error is JMH's 99.9% confidence half-interval (none for fewer than three measurements)."
  echo
  echo "## Machine"
  echo
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "- memory: $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $(java -version 2>&1 | head -2 | tail -1)"
  echo
  echo "## Results"
  echo
  python3 - "$json" <<'EOF'
import json, math, sys

# The compiler's order, then the tools after it.
ORDER = ["parse", "templateExpansion", "model", "lowering", "expressionChecks", "labelInference",
         "projectAnalysis", "validators", "emit", "yamlRead", "lint", "commitFresh", "commitUnchanged"]

runs = json.load(open(sys.argv[1]))
if runs:
    print(f"JMH {runs[0]['jmhVersion']}, {runs[0]['vmName']} {runs[0]['vmVersion']}.")
    print()
rows = []
for r in runs:
    method = r["benchmark"].rsplit(".", 1)[1]
    params = dict(r.get("params", {}))
    services = params.pop("services", "")
    stage = " ".join([method] + list(params.values()))
    m = r["primaryMetric"]
    error = m["scoreError"]
    error = "" if error == "NaN" or math.isnan(float(error)) else f"± {float(error):,.2f}"
    alloc = next((s["score"] for k, s in r.get("secondaryMetrics", {}).items() if k.endswith("gc.alloc.rate.norm")), None)
    alloc = "" if alloc is None else f"{alloc / 1e6:,.2f}"
    key = (ORDER.index(method) if method in ORDER else len(ORDER), stage)
    rows.append((key, f"| {stage} | {services} | {m['score']:,.3f} | {error} | {alloc} |"))
print(f"| stage | services | {runs[0]['primaryMetric']['scoreUnit'] if runs else 'ms/op'} | error | allocated MB/op |")
print("|---|---:|---:|---:|---:|")
for _, row in sorted(rows):
    print(row)
EOF
} > "$md"
echo "wrote $json and $md"
