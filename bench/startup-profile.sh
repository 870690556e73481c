#!/usr/bin/env bash
# Issue 16: where the start goes, the portal beside bench/bare-app, as counts that a shared machine
# does not distort: for each, the jar is extracted (Spring Boot's -Djarmode=tools extract) and its
# application started through bench/StartupProfile.java (Spring Boot's BufferingApplicationStartup:
# steps, beans by own instantiation time, CPU time, classes, beans at the served sign-in page), with
# -Xlog:class+load, whose log is summed up per library: which jars the extra classes come from.
# The portal runs with its production configuration on a data folder that a first, unprinted start
# has migrated, as startup-vs-bare.sh does.
#
#   bench/startup-profile.sh                   # builds both jars if missing
#   PORTAL_JAR=/tmp/portal.jar TOP=40 bench/startup-profile.sh
#   KEEP=/tmp/profile bench/startup-profile.sh # keeps the logs, class-load lists and data folder there
#   KEEP=/tmp/profile BARE=0 bench/startup-profile.sh  # again, the portal alone on that data folder
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/jdk.sh

readonly TOP=${TOP:-25}
readonly JAVA_OPTS=${JAVA_OPTS:-}

source bench/jars.sh
profiler=$(realpath bench/StartupProfile.java)

work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

# extract NAME JAR: the jar's application and libraries as plain files under $work/NAME; sets $cp to
# their class path and $main to the application's class (the jar's Start-Class).
extract() {
    local name=$1 jar=$2
    rm -rf "${work:?}/$name"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$work/$name" > /dev/null
    main=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Start-Class: *//p')
    cp="$work/$name/$(basename "$jar"):$work/$name/lib/*"
}

extract portal "$portal_jar"
portal_cp=$cp portal_main=$main
extract bare "$bare_jar"
bare_cp=$cp bare_main=$main
mkdir -p "$work/profiler"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/profiler" -cp "$portal_cp" "$profiler"

# profile NAME CLASSPATH MAIN: one start, its report, and its classes per library.
profile() {
    local name=$1 cp=$2 main=$3
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
    (cd "$work" && env PORTAL_DATA_DIR="$work/data" PORTAL_ADMIN_PASSWORD="Bench-Initial-Pass-1" \
        "$JAVA_HOME/bin/java" $JAVA_OPTS -Dtop="$TOP" -Xlog:class+load=info:file="$work/$name-classes.txt" \
        -cp "$work/profiler:$cp" StartupProfile "$main" --server.port=0 > "$work/$name.log" 2>&1) || {
        echo "$name did not start; its log ends with:" >&2
        tail -n 30 "$work/$name.log" >&2
        exit 1
    }
    echo
    echo "=== $name (load average $(cut -d ' ' -f 1-3 /proc/loadavg))"
    sed -n '/^PROFILE /,$p' "$work/$name.log"
    echo
    echo "Classes loaded by where they come from (top 25):"
    sed -n 's/.* source: \(.*\)$/\1/p' "$work/$name-classes.txt" |
        sed -e 's#^.*/lib/\([^/]*\)\.jar$#\1#' -e 's#^jrt:/.*#JDK (jrt)#' -e 's#^shared objects file.*#JDK (CDS)#' \
            -e "s#^file:$work/[^/]*/[^/]*\.jar#application#" -e 's#^__.*#generated (proxies, lambdas)#' |
        sort | uniq -c | sort -rn | awk 'NR <= 25'
    echo "  $(grep -c ' source: ' "$work/$name-classes.txt") in all"
}

echo "Machine: $(nproc) cores; Java $(java_major "$JAVA_HOME")${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
# Unprinted: migrates the portal's data folder and creates its administrator (a kept folder has it).
[[ -d "$work/data" ]] || profile warm-portal "$portal_cp" "$portal_main" > /dev/null
# BARE=0: the portal alone, e.g. after a change, when the bare application's figures are known.
[[ "${BARE:-1}" == 0 ]] || profile bare "$bare_cp" "$bare_main"
profile portal "$portal_cp" "$portal_main"
