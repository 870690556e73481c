#!/usr/bin/env bash
# API throughput with tokens against HTTP Basic, and a legitimate token client's latency while an
# anonymous flood of wrong Basic credentials comes from other addresses (issue 11). Starts the
# production jar (built if target/*.jar is missing; rebuild after changes) from a temporary folder
# with the demo profile and PORTAL_FORWARD_HEADERS=native, so that X-Forwarded-For tells the flood's
# addresses. Every request goes to 127.0.0.1; every phase is bounded in time and count. Figures, not a test.
#
#   bench/api-tokens.sh   # also PHASE_SECONDS=10 FLOOD_START_SECONDS=10 CLIENTS=8 FLOODERS=16 FLOOD_ADDRESSES=4 JAVA_OPTS=
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly JAVA_OPTS=${JAVA_OPTS:-}

source bench/jdk.sh
source bench/process.sh

jar=$(ls target/*.jar 2> /dev/null | head -n 1 || true)
if [[ -z "$jar" ]]; then
    echo "Building the production jar ..."
    mvn -B -q package -DskipTests
    jar=$(ls target/*.jar | head -n 1)
fi
jar=$(realpath "$jar")

work=$(mktemp -d)
pid=""
trap 'stop_process; rm -rf "$work"' EXIT

port=$(free_port)
base="http://127.0.0.1:$port"
echo "Machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); Java $(java_major "$JAVA_HOME")${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
echo "Starting $(basename "$jar") on port $port (demo profile, forwarded headers honoured)"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
(cd "$work" && exec env PORTAL_PORT="$port" PORTAL_DATA_DIR="$work/data" PORTAL_FORWARD_HEADERS=native \
    "$JAVA_HOME/bin/java" $JAVA_OPTS -jar "$jar" --spring.profiles.active=demo > "$work/portal.log" 2>&1) &
pid=$!

started=$(date +%s)
until [[ "$(curl -s --max-time 2 "$base/actuator/health" || true)" == *'"status":"UP"}' ]]; do
    if ! kill -0 "$pid" 2> /dev/null; then
        echo "The portal stopped during start-up; its log ends with:" >&2
        tail -n 30 "$work/portal.log" >&2
        exit 1
    fi
    # Generous: on a machine shared with other builds start-up has taken minutes.
    if (($(date +%s) - started > 600)); then
        echo "The portal was not healthy after 600 s; its log ends with:" >&2
        tail -n 30 "$work/portal.log" >&2
        exit 1
    fi
    sleep 0.2
done

echo "healthy after $(($(date +%s) - started)) s"
# The portal's pid and clock ticks: the program reads the portal's CPU time per phase from /proc,
# a figure that other work on the machine barely changes, unlike requests per second.
java bench/ApiTokenBenchmark.java "$base" "$pid" "$(getconf CLK_TCK)"
