#!/usr/bin/env bash
# Crash test: SIGKILLs the production jar at random moments (CRASH_KILLS, default 25) while a client
# walks site-failover drills through the REST API, restarts it on the same H2 file database and
# checks that no acknowledged transition was lost and that the audit chain verifies. Exits non-zero
# on any loss.
#
#   bench/crash.sh        # CRASH_KILLS, CRASH_RUNS, CRASH_MIN_DELAY_MS, CRASH_MAX_DELAY_MS, CRASH_SEED,
#                         # CRASH_DB_URL and JAVA_OPTS (for the portal) are honoured
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

jar=$(ls target/*.jar 2> /dev/null | head -n 1 || true)
if [[ -z "$jar" ]]; then
    echo "Building the production jar ..."
    mvn -B -q package -DskipTests
    jar=$(ls target/*.jar | head -n 1)
fi
jar=$(realpath "$jar")

work=$(mktemp -d)
# The portal's log and database stay for a look when the test fails.
keep=1
cleanup() {
    if [[ "$keep" == 0 ]]; then
        rm -rf "$work"
    else
        echo "Portal log and database kept in $work"
    fi
}
trap cleanup EXIT

echo "Machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); Java $(java_major "$JAVA_HOME");" \
    "$(basename "$jar")"
"$JAVA_HOME/bin/java" bench/CrashTest.java "$jar" src/test/resources/topologies/contoso-stretched.json "$work"
keep=0
