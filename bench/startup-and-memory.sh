#!/usr/bin/env bash
# Start-up time and resident memory of the production jar: seconds from `java -jar` until
# /actuator/health answers UP, then the RSS after SESSIONS (default 20) signed-in sessions, each
# with a real Vaadin UI showing the home view. Reports figures; asserts nothing.
#
#   bench/startup-and-memory.sh               # JAVA_OPTS="-Xmx512m" and SESSIONS=50 are honoured
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly SESSIONS=${SESSIONS:-20}
readonly JAVA_OPTS=${JAVA_OPTS:-}
readonly GOAL_SECONDS=10
readonly GOAL_MB=600
# The demo users (password "demo") need no password change, unlike the initial admin, whose
# password can only be changed in the UI.
readonly USERS=(alice bob carol dave erin admin)

source bench/jdk.sh
source bench/process.sh

jar=$(ls target/*.jar 2> /dev/null | head -n 1 || true)
if [[ -z "$jar" ]]; then
    echo "Building the production jar ..."
    mvn -B -q package -DskipTests
    jar=$(ls target/*.jar | head -n 1)
fi
jar=$(realpath "$jar")

now() { date +%s.%N; }

work=$(mktemp -d)
pid=""
trap 'stop_process; rm -rf "$work"' EXIT

port=$(free_port)
base="http://127.0.0.1:$port"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo) RAM," \
    "load average $(cut -d ' ' -f 1-3 /proc/loadavg); Java $(java_major "$JAVA_HOME")${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
echo "Starting $(basename "$jar") on port $port (demo profile, data in $work)"

started=$(now)
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
(cd "$work" && exec env PORTAL_PORT="$port" PORTAL_DATA_DIR="$work/data" \
    PORTAL_ADMIN_PASSWORD="Bench-Initial-Pass-1" \
    "$JAVA_HOME/bin/java" $JAVA_OPTS -jar "$jar" --spring.profiles.active=demo > "$work/portal.log" 2>&1) &
pid=$!

until [[ "$(curl -s --max-time 2 "$base/actuator/health" || true)" == *'"status":"UP"}' ]]; do
    if ! kill -0 "$pid" 2> /dev/null; then
        echo "The portal stopped during start-up; its log ends with:" >&2
        tail -n 30 "$work/portal.log" >&2
        exit 1
    fi
    if (($(date +%s) - ${started%.*} > 180)); then
        echo "The portal was not healthy after 180 s." >&2
        exit 1
    fi
    sleep 0.1
done
healthy=$(now)
startup=$(awk -v a="$started" -v b="$healthy" 'BEGIN {printf "%.1f", b - a}')
# CPU time says how much work start-up was, whatever else the machine was doing meanwhile.
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
echo "healthy after $startup s (the portal used $cpu s of CPU time meanwhile)"

rss_mb() {
    awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"
}
rss_idle=$(rss_mb)

# One browser's worth of requests: the sign-in form, the form post, the bootstrap page, the UI
# init and the navigation to the home view that a browser's Flow client sends.
sign_in_with_ui() {
    local user=$1 cookies="$work/cookies-$2" page token key ui
    page=$(curl -s -c "$cookies" -b "$cookies" "$base/login")
    token=$(sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' <<< "$page")
    [[ -n "$token" ]] || {
        echo "no _csrf token on /login" >&2
        return 1
    }
    local target
    target=$(curl -s -c "$cookies" -b "$cookies" -o /dev/null -w '%{redirect_url}' -H "Origin: $base" \
        --data-urlencode "username=$user" --data-urlencode "password=demo" --data-urlencode "_csrf=$token" \
        "$base/login")
    [[ "$target" != *error* && -n "$target" ]] || {
        echo "sign-in of $user failed (redirected to '$target')" >&2
        return 1
    }
    curl -s -f -c "$cookies" -b "$cookies" -o /dev/null "$base/"
    page=$(curl -s -f -c "$cookies" -b "$cookies" "$base/?v-r=init&location=&query=")
    key=$(grep -o '"Vaadin-Security-Key":"[^"]*"' <<< "$page" | cut -d '"' -f 4)
    ui=$(grep -o '"v-uiId":[0-9]*' <<< "$page" | cut -d : -f 2)
    [[ -n "$key" && -n "$ui" ]] || {
        echo "no Vaadin UI for $user" >&2
        return 1
    }
    page=$(curl -s -f -c "$cookies" -b "$cookies" -H 'Content-Type: application/json; charset=UTF-8' \
        --data "{\"csrfToken\":\"$key\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}" \
        "$base/?v-r=uidl&v-uiId=$ui")
    [[ "$page" == *"Signed in as $user"* ]] || {
        echo "the home view of $user did not render" >&2
        return 1
    }
}

for i in $(seq 1 "$SESSIONS"); do
    sign_in_with_ui "${USERS[$(((i - 1) % ${#USERS[@]}))]}" "$i"
done
rss=$(rss_mb)
echo "RSS when healthy: $rss_idle MB"
echo "RSS after $SESSIONS signed-in sessions: $rss MB (each with a Vaadin UI showing the home view)"

verdict() { if [[ "$1" == 1 ]]; then echo "met"; else echo "NOT met"; fi; }
echo "goal: healthy < $GOAL_SECONDS s on 2 cores: $(verdict "$(awk -v s="$startup" -v g="$GOAL_SECONDS" 'BEGIN {print (s < g)}')")"
echo "goal: RSS < $GOAL_MB MB after $SESSIONS sessions: $(verdict "$((rss < GOAL_MB))")"
