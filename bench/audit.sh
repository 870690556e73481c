#!/usr/bin/env bash
# The audit trail at a million events (issue 14): first and filtered pages, the CSV export (time and
# heap), the chain verification and an evidence pack, through the real services on the embedded H2
# database. Seeds EVENTS (1,000,000) records first. Figures, not a test.
#   bench/audit.sh            # also EVENTS=200000 JAVA_OPTS=-Xmx512m AUDIT_BENCH_DATA=<folder to keep the seed>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

mvn -B -q -o compile -Dspotless.check.skip=true
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java ${JAVA_OPTS:--Xmx1g} -cp "target/classes:$(cat "$classpath_file")" bench/AuditBenchmark.java
