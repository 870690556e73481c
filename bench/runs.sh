#!/usr/bin/env bash
# p50/p95/p99 latency and CPU per transition of every run transition through RunService while 50
# operators each walk a run at once, on the embedded H2 database with the real application context.
# Measures a baseline commit and the current code side by side, one after the other, with the same
# RunBenchmark.java, and prints both. Figures, not a test.
#   bench/runs.sh [topology.json]
#   BASELINE=04b3755 bench/runs.sh          # the baseline commit (default 04b3755); BASELINE= skips it
#   REPEAT=2 bench/runs.sh                  # baseline, current, baseline, current…
#   OPERATORS=50 APPROVERS=10 WARMUP_ROUNDS=2 ROUNDS=5 THINK_MS=0 PROFILE=1 PROCEDURE=site-failback bench/runs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

baseline=${BASELINE-04b3755}
repeat=${REPEAT:-1}
topology=$(realpath "${1:-bench/largest-topology.json}")
benchmark=$(realpath bench/RunBenchmark.java)
work=$(mktemp -d)
results="$work/results"
cleanup() {
    if [[ -d "$work/baseline" ]]; then
        git worktree remove --force "$work/baseline" > /dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Compiles the code of directory $1 and writes its runtime classpath to $1/.bench-classpath.
build() {
    (
        cd "$1"
        mvn -B -q compile -Dspotless.check.skip=true
        mvn -B -q dependency:build-classpath -Dmdep.outputFile="$1/.bench-classpath" -Dmdep.includeScope=runtime
    )
}

# Runs the benchmark on the classes of directory $2, labelled $1; keeps its RESULT line.
measure() {
    local label=$1 dir=$2 log="$work/$1-$3.log"
    echo
    echo "=== $label ($(git -C "$dir" rev-parse --short HEAD)$(git -C "$dir" diff --quiet HEAD -- src || echo ', with uncommitted changes'))"
    echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    (cd "$dir" && java ${JAVA_OPTS:-} -cp "$dir/target/classes:$(cat "$dir/.bench-classpath")" "$benchmark" "$topology") \
        | tee "$log"
    echo "$label $(grep '^RESULT ' "$log" | cut -d' ' -f2-)" >> "$results"
}

current=$(pwd)
build "$current"
if [[ -n "$baseline" ]]; then
    # A worktree of its own, so that the baseline builds exactly as committed, beside this one.
    git worktree add --detach "$work/baseline" "$baseline" > /dev/null
    build "$work/baseline"
fi

for ((i = 1; i <= repeat; i++)); do
    if [[ -n "$baseline" ]]; then
        measure "baseline-$baseline" "$work/baseline" "$i"
    fi
    measure current "$current" "$i"
done

echo
echo "Side by side ($(nproc) cores; process CPU per transition is all the JVM's CPU time over the measured"
echo "rounds divided by the calls, so a busy machine changes it far less than the latencies):"
printf '%-20s %12s %12s %8s %8s %12s %10s\n' code "CPU ms/call" "thread ms" "p50 ms" "p95 ms" "request p95" "calls/s"
while read -r label fields; do
    declare -A value=()
    for field in $fields; do
        value[${field%%=*}]=${field#*=}
    done
    printf '%-20s %12s %12s %8s %8s %12s %10s\n' "$label" "${value[process-cpu-ms-per-transition]}" \
        "${value[thread-cpu-ms-per-transition]}" "${value[p50-ms]}" "${value[p95-ms]}" "${value[request-p95-ms]}" \
        "${value[calls-per-s]}"
    unset value
done < "$results"
