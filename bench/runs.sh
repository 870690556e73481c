#!/usr/bin/env bash
# p50/p95/p99 latency of every run transition through RunService while 50 operators each walk a run
# at once, on the embedded H2 database with the real application context. Figures, not a test.
#   bench/runs.sh [topology.json]
#   OPERATORS=50 APPROVERS=10 WARMUP_ROUNDS=2 ROUNDS=5 THINK_MS=0 PROFILE=1 PROCEDURE=site-failback bench/runs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

mvn -B -q compile -Dspotless.check.skip=true
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java ${JAVA_OPTS:-} -cp "target/classes:$(cat "$classpath_file")" bench/RunBenchmark.java "${1:-bench/largest-topology.json}"
