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

java_major() {
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$1/release" 2> /dev/null || true
}

recent_jdk() {
    local major
    major=$(java_major "$1")
    [[ -x "$1/bin/java" && -n "$major" && "$major" -ge 21 ]]
}

recent_jdk "${JAVA_HOME:-}" || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
recent_jdk "$JAVA_HOME" || {
    echo "Needs a JDK 21 or newer: point JAVA_HOME at one." >&2
    exit 1
}
export JAVA_HOME

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
