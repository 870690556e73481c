#!/usr/bin/env bash
# Issue 16: the portal's start against a bare Vaadin + Spring Boot + JPA + Security application on
# the same stack (bench/bare-app), side by side in one run: ROUNDS rounds (default 5), each starting
# the contenders one after the other (the order alternates between rounds), each measured from
# `java` until GET /login answers 200 (a served sign-in page), with its resident memory (VmRSS) and
# CPU time at that moment. Prints every start, the medians and the ratios to the bare application.
# The machine is shared, so only the ratios of one run mean much; the load average is printed with
# every round. Reports figures; asserts nothing.
#
#   bench/startup-vs-bare.sh                    # portal (fat jar) vs bare (fat jar)
#   AOT=1 bench/startup-vs-bare.sh              # adds the portal, extracted, with a JDK AOT cache
#   ROUNDS=9 JAVA_OPTS="-Xmx512m" bench/startup-vs-bare.sh
#   PORTAL_JAR=/tmp/portal.jar LIMIT=900 …     # a copy of the jar (a build may rewrite target/); longer limit
#
# The portal runs with its production configuration (no demo profile) on an embedded H2 data
# folder that a first, unmeasured start has migrated: what a restart of a real installation does.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly ROUNDS=${ROUNDS:-5}
readonly AOT=${AOT:-0}
readonly JAVA_OPTS=${JAVA_OPTS:-}
# Seconds a start may take before the run gives up (a machine busy with builds needs more).
readonly LIMIT=${LIMIT:-300}

source bench/jdk.sh
source bench/process.sh
source bench/jars.sh

work=$(mktemp -d)
pid=""
trap 'stop_process; rm -rf "$work"' EXIT

# The command line of each contender, after "java $JAVA_OPTS".
portal_args=(-jar "$portal_jar")
bare_args=(-jar "$bare_jar")
portal_env=(PORTAL_DATA_DIR="$work/data" PORTAL_ADMIN_PASSWORD="Bench-Initial-Pass-1")

# await_login NAME PORT STARTED: waits until the process in $pid serves the sign-in page on PORT,
# giving up when it stops or after LIMIT seconds from STARTED (seconds since the epoch).
await_login() {
    local name=$1 port=$2 started=$3
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/login" || true)" == 200 ]]; do
        if ! kill -0 "$pid" 2> /dev/null; then
            echo "$name stopped during start-up; its log ends with:" >&2
            tail -n 30 "$work/$name.log" >&2
            exit 1
        fi
        if (($(date +%s) - ${started%.*} > LIMIT)); then
            echo "$name served no sign-in page after $LIMIT s." >&2
            exit 1
        fi
        sleep 0.05
    done
}

# launch NAME PORT ARGS...: starts one contender in the background on PORT; its pid in $pid.
launch() {
    local name=$1 port=$2
    shift 2
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
    (cd "$work" && exec env "${portal_env[@]}" PORTAL_PORT="$port" \
        "$JAVA_HOME/bin/java" $JAVA_OPTS "$@" --server.port="$port" > "$work/$name.log" 2>&1) &
    pid=$!
}

# start NAME ARGS...: starts one contender on a free port and waits for a served sign-in page;
# sets $result to "seconds rss_mb cpu_seconds classes".
start() {
    local name=$1 port started now
    shift
    port=$(free_port)
    started=$(date +%s.%N)
    launch "$name" "$port" "$@"
    await_login "$name" "$port" "$started"
    now=$(date +%s.%N)
    result="$(awk -v a="$started" -v b="$now" 'BEGIN {printf "%.2f", b - a}')"
    result+=" $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")"
    result+=" $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")"
    # Classes loaded so far, read after the measurement (jcmd is a JVM of its own): where start-up
    # work goes, independent of the machine's load.
    result+=" $("$JAVA_HOME/bin/jcmd" "$pid" PerfCounter.print 2> /dev/null |
        awk -F= '/^java.cls.loadedClasses=/ {print $2}')"
    stop_process
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo) RAM;" \
    "Java $(java_major "$JAVA_HOME")${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}; $ROUNDS rounds"

# Unmeasured: migrates the portal's data folder and brings both jars into the page cache.
start warm-portal "${portal_args[@]}"
start warm-bare "${bare_args[@]}"

contenders=(bare portal)
if [[ "$AOT" == 1 ]]; then
    # The cache only works with the jar extracted (Spring Boot reference, "AOT Cache"). The training
    # run (JEP 514's one-step -XX:AOTCacheOutput, JDK 25) is the measured path itself: a start on the
    # migrated data folder that serves the sign-in page once and is then stopped with SIGTERM, on
    # which the JVM writes the cache. Spring Boot's -Dspring.context.exit=onRefresh stops before the
    # web server serves anything, so Tomcat's, Spring Security's and Vaadin's request handling, and
    # the repository made for the initial administrator, would load from the jar at every start.
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$portal_jar" extract --destination "$work/extracted" > /dev/null
    extracted_jar=$(ls "$work"/extracted/*.jar | head -n 1)
    training_started=$(date +%s)
    training_port=$(free_port)
    launch training "$training_port" -XX:AOTCacheOutput="$work/portal.aot" -jar "$extracted_jar"
    await_login training "$training_port" "$training_started"
    kill "$pid"
    wait "$pid" || true
    pid=""
    if [[ ! -s "$work/portal.aot" ]]; then
        echo "The training run wrote no AOT cache; its log ends with:" >&2
        tail -n 30 "$work/training.log" >&2
        exit 1
    fi
    echo "AOT cache: training run $(($(date +%s) - training_started)) s," \
        "$(du -m "$work/portal.aot" | cut -f 1) MB"
    portal_aot_args=(-XX:AOTCache="$work/portal.aot" -jar "$extracted_jar")
    contenders+=(portal_aot)
fi

declare -A times rss cpu classes
for round in $(seq 1 "$ROUNDS"); do
    order=("${contenders[@]}")
    if ((round % 2 == 0)); then
        order=()
        for ((i = ${#contenders[@]} - 1; i >= 0; i--)); do order+=("${contenders[$i]}"); done
    fi
    line="round $round (load $(cut -d ' ' -f 1 /proc/loadavg)):"
    for name in "${order[@]}"; do
        case $name in
            bare) start bare "${bare_args[@]}" ;;
            portal) start portal "${portal_args[@]}" ;;
            portal_aot) start portal_aot "${portal_aot_args[@]}" ;;
        esac
        read -r t r c k <<< "$result"
        times[$name]+="$t "
        rss[$name]+="$r "
        cpu[$name]+="$c "
        classes[$name]+="${k:-0} "
        line+="  $name ${t} s ${r} MB ${c} s CPU ${k:-?} classes"
    done
    echo "$line"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
bare_t=$(median <<< "${times[bare]}")
bare_r=$(median <<< "${rss[bare]}")
bare_c=$(median <<< "${cpu[bare]}")
for name in "${contenders[@]}"; do
    t=$(median <<< "${times[$name]}")
    r=$(median <<< "${rss[$name]}")
    c=$(median <<< "${cpu[$name]}")
    k=$(median <<< "${classes[$name]}")
    awk -v n="$name" -v t="$t" -v r="$r" -v c="$c" -v k="$k" -v bt="$bare_t" -v br="$bare_r" -v bc="$bare_c" 'BEGIN {
        printf "%-11s median %6.2f s (%.2f x bare)  RSS %5d MB (%.2f x bare)  CPU %5.1f s (%.2f x bare)  %d classes\n",
            n, t, t / bt, r, r / br, c, c / bc, k }'
done
