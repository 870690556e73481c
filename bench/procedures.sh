#!/usr/bin/env bash
# Median time to generate every registered procedure (every variant) for the largest legal topology.
# Figures, not a test.
#   bench/procedures.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

mvn -B -q compile -Dspotless.check.skip=true
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
java -cp "target/classes:$(cat "$classpath_file")" bench/ProcedureBenchmark.java bench/largest-topology.json
