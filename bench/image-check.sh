#!/usr/bin/env bash
# Builds the portal's container image (README, "Container image") without a container registry or a
# Docker engine, and runs it the way an engine would (issue 16).
#
#   sudo bench/image-check.sh [--rebuild-base] [--skip-build] [--no-backup]
#
# 1. Base image: where no registry is reachable, Jib cannot pull eclipse-temurin:25-jre. This makes
#    an equivalent locally, as a `docker save` style tar (manifest.json, config JSON, one layer): a
#    minimal Debian root file system (debootstrap --variant=minbase, of the suite and from the mirror
#    this machine's apt uses) with a Java runtime at /opt/java/openjdk and JAVA_HOME, PATH in the
#    config, as the Temurin images have. The runtime is this machine's JDK (jdk.sh) cut by jlink to
#    every module but the development tools, as a JRE is. Built once into $WORK/base.tar and kept
#    (--rebuild-base makes it anew).
# 2. Image: `mvn -Pimage package -DskipTests -Djib.from.image=tar://$WORK/base.tar` →
#    target/pchat-dr-portal-image.tar (--skip-build takes the one already there). MVN_ARGS adds
#    Maven options (e.g. MVN_ARGS=-o).
# 3. Run: reads the tar's manifest and config and checks them (user 10001:0, working dir, volume
#    /data, port 8080, PORTAL_DATA_DIR, layer digests as `docker load` checks them), applies the
#    layers in order into a root folder (whiteouts honoured), and starts the config's entrypoint
#    there as its user, in its working dir and environment, in a mount and PID namespace of its own
#    (unshare; the entrypoint is PID 1 as in a container), with /proc, a minimal /dev and a fresh
#    volume on /data made as an engine makes a new named volume (a copy of the image's /data, its
#    owner and mode). Run A is the README's `docker run` (PORTAL_ADMIN_PASSWORD): /login answers
#    200, readiness is UP, admin's password is accepted by the API (which answers 403
#    password_change_required, as it must before the first change in the UI), the database files in
#    /data belong to uid 10001, and SIGTERM stops the portal within 30 s after a graceful shutdown
#    that closes the database pool. Run B (unless --no-backup) starts the demo users on a file
#    database in another fresh volume, takes an API token and runs the README's backup command line
#    inside the running "container" (nsenter into its namespaces, as `docker exec`).
#
# What this does not prove: a run under a real engine — no cgroup limits (so -XX:MaxRAMPercentage
# is not checked against a memory limit), no network namespace or port publishing (the portal
# listens on the host's loopback on a free port given as PORTAL_PORT), no seccomp or capabilities
# profile, no image pull or `docker load` itself (only the checks load does on the digests). The base
# is Debian, not the Ubuntu of the real Temurin images, with C.UTF-8 instead of en_US.UTF-8.
#
# Needs root (debootstrap, chroot, unshare), apt (debootstrap is installed when missing) and jq.
# Not part of `mvn verify`. Everything large is under $WORK (IMAGE_CHECK_DIR, default
# /tmp/pchat-image-check): the unpacked root folders and volumes are removed at the end, base.tar and
# Jib's cache of its layer are kept for the next run; logs stay in $WORK/logs.
set -euo pipefail

self=$(realpath "${BASH_SOURCE[0]}")
repo=$(dirname "$(dirname "$self")")
WORK=${IMAGE_CHECK_DIR:-/tmp/pchat-image-check}
IMAGE_TAR=$repo/target/pchat-dr-portal-image.tar
# The JDK's modules a JRE leaves out: compilers, debuggers, diagnostic and packaging tools.
DEV_TOOLS='jdk\.(compiler|editpad|hotspot\.agent|internal\.(ed|le|opt|vm\.ci)|graal\.compiler(\.management)?|jartool|javadoc|jcmd|jconsole|jdeps|jdi|jlink|jpackage|jshell|jstatd)'

# ---- inside the namespaces: called as `image-check.sh __container ROOT VOLUME USER DIR ENV… -- CMD…`
if [[ ${1:-} == __container ]]; then
    shift
    root=$1 volume=$2 user=$3 dir=$4
    shift 4
    environment=()
    while [[ $1 != -- ]]; do
        environment+=("$1")
        shift
    done
    shift
    # What an engine gives every container: the volume, /proc of its own PID namespace, a small /dev.
    mount --bind "$volume" "$root/data"
    mount -t proc -o nosuid,nodev,noexec proc "$root/proc" 2> /dev/null || mount --rbind /proc "$root/proc"
    mount -t tmpfs -o nosuid,mode=755 tmpfs "$root/dev"
    for device in null zero full random urandom tty; do
        touch "$root/dev/$device"
        mount --bind "/dev/$device" "$root/dev/$device"
    done
    mkdir "$root/dev/shm" "$root/dev/pts"
    mount -t tmpfs -o nosuid,nodev,mode=1777 shm "$root/dev/shm"
    ln -s /proc/self/fd "$root/dev/fd"
    ln -s /proc/self/fd/0 "$root/dev/stdin"
    ln -s /proc/self/fd/1 "$root/dev/stdout"
    ln -s /proc/self/fd/2 "$root/dev/stderr"
    exec chroot --userspec="$user" "$root" /usr/bin/env -i -C "$dir" "${environment[@]}" "$@"
fi

rebuild_base=false skip_build=false backup=true
for argument in "$@"; do
    case $argument in
        --rebuild-base) rebuild_base=true ;;
        --skip-build) skip_build=true ;;
        --no-backup) backup=false ;;
        *)
            echo "Unknown option $argument" >&2
            exit 64
            ;;
    esac
done
[[ $(id -u) == 0 ]] || {
    echo "Needs root (debootstrap, chroot, unshare)." >&2
    exit 1
}
# shellcheck source=bench/jdk.sh
source "$repo/bench/jdk.sh"
command -v jq > /dev/null || {
    apt-get update -qq
    apt-get install -y -qq jq > /dev/null
}

mkdir -p "$WORK/logs"
pids=()

unmount_under() { # everything mounted below $1 in this namespace, deepest first
    { findmnt -rn -o TARGET | grep -E "^$1(/|$)" || true; } | sort -r | while read -r target; do
        umount -l "$target" || true
    done
}

cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill -9 "$pid" 2> /dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    unmount_under "$WORK"
    rm -rf "$WORK/base-root" "$WORK/image" "$WORK/rootfs" "$WORK"/volume-*
}
trap cleanup EXIT
trap 'exit 130' INT TERM # through the EXIT trap: nothing left running or mounted after Ctrl-C

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

# ---- 1. the base image ------------------------------------------------------------------------------

# The URI apt fetches suite $1 from, read from this machine's configuration (deb822 .sources files,
# then one-line .list files), so that no mirror is named here.
debian_mirror() {
    local suite=$1 file
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f $file ]] || continue
        awk -v suite="$suite" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && index(" " suites " ", " " suite " ") && uris != "" && enabled != "no") {
                    split(uris, uri, " ")
                    print uri[1]
                    found = 1
                    exit
                }
                types = suites = uris = enabled = ""
            }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
            /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
            /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
            /^Enabled:/ { sub(/^Enabled:[[:space:]]*/, ""); enabled = $0 }
            END { if (!found) flush() }' "$file"
    done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2> /dev/null | awk -v suite="$suite" '
        $1 == "deb" {
            i = 2
            if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == suite) { print $i; exit }
        }' || true
}

build_base() {
    local suite mirror root=$WORK/base-root packed=$WORK/base-packed modules version diff_id config_name
    # shellcheck source=/dev/null
    suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    [[ -n $suite ]] || fail "no VERSION_CODENAME in /etc/os-release"
    mirror=$(debian_mirror "$suite" | sed -n 1p)
    [[ -n $mirror ]] || fail "apt has no source for the suite $suite"
    command -v debootstrap > /dev/null || {
        apt-get update -qq
        apt-get install -y -qq debootstrap > /dev/null
    }
    echo "Base image: debootstrap --variant=minbase $suite (from apt's own source) …"
    unmount_under "$root"
    rm -rf "$root" "$packed"
    local keyring=()
    [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] \
        && keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
    debootstrap --variant=minbase "${keyring[@]}" "$suite" "$root" "$mirror" > "$WORK/logs/debootstrap.log" 2>&1 \
        || fail "debootstrap (see $WORK/logs/debootstrap.log)"
    # An image carries no device nodes (the engine makes /dev), no package lists, and not this
    # machine's mirror: apt in the image is configured by whoever extends it.
    unmount_under "$root"
    rm -rf "${root:?}"/dev/* "${root:?}"/proc/* "${root:?}"/sys/* "${root:?}"/run/* "${root:?}"/tmp/* \
        "${root:?}"/var/lib/apt/lists/* "${root:?}"/var/cache/apt/* "${root:?}"/var/log/* \
        "${root:?}/etc/apt/sources.list" "${root:?}"/etc/apt/sources.list.d/*
    chmod 1777 "$root/tmp"

    echo "Base image: Java runtime at /opt/java/openjdk …"
    mkdir -p "$root/opt/java"
    modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | grep -vxE "$DEV_TOOLS" | paste -sd, -)
    if ! "$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$root/opt/java/openjdk" --strip-debug \
        --no-man-pages --no-header-files --generate-cds-archive > "$WORK/logs/jlink.log" 2>&1; then
        # A JDK without jmods whose run-time image is not linkable: the whole JDK then.
        echo "  (jlink refused, see $WORK/logs/jlink.log: copying the whole JDK)"
        rm -rf "$root/opt/java/openjdk"
        cp -a "$JAVA_HOME" "$root/opt/java/openjdk"
    fi
    version=$(sed -n 's/^SEMANTIC_VERSION="\(.*\)"$/\1/p' "$JAVA_HOME/release")

    echo "Base image: packing $WORK/base.tar …"
    mkdir -p "$packed/layer"
    tar --numeric-owner --sort=name -C "$root" -cf "$packed/layer/layer.tar" .
    diff_id=sha256:$(sha256sum "$packed/layer/layer.tar" | cut -d' ' -f1)
    jq -n --arg diff "$diff_id" --arg created "$(date -u +%FT%TZ)" --arg version "jdk-$version" \
        --arg how "bench/image-check.sh: debootstrap --variant=minbase $suite, jlink of $version" '{
            architecture: "amd64", os: "linux", created: $created,
            config: {
                Env: ["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                      "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8", "JAVA_VERSION=" + $version],
                Cmd: ["/bin/bash"]
            },
            rootfs: {type: "layers", diff_ids: [$diff]},
            history: [{created: $created, created_by: $how}]
        }' > "$packed/config.json"
    config_name=$(sha256sum "$packed/config.json" | cut -d' ' -f1).json
    mv "$packed/config.json" "$packed/$config_name"
    jq -n --arg config "$config_name" \
        '[{Config: $config, RepoTags: ["pchat-dr-portal-base:25-jre"], Layers: ["layer/layer.tar"]}]' \
        > "$packed/manifest.json"
    tar -C "$packed" -cf "$WORK/base.tar.part" manifest.json "$config_name" layer
    mv "$WORK/base.tar.part" "$WORK/base.tar"
    rm -rf "$root" "$packed" "$WORK/jib-base-cache"
}

if $rebuild_base || [[ ! -f $WORK/base.tar ]]; then
    build_base
fi
echo "Base image: $WORK/base.tar ($(du -m "$WORK/base.tar" | cut -f1) MB)"

# ---- 2. the image -----------------------------------------------------------------------------------

if ! $skip_build; then
    echo "Image: mvn -Pimage package -DskipTests -Djib.from.image=tar://$WORK/base.tar …"
    started=$(date +%s)
    # shellcheck disable=SC2086 # MVN_ARGS is a list of options
    (cd "$repo" && mvn -B -q ${MVN_ARGS:-} -Pimage package -DskipTests \
        "-Djib.from.image=tar://$WORK/base.tar" "-Djib.baseImageCache=$WORK/jib-base-cache") \
        > "$WORK/logs/mvn.log" 2>&1 || fail "the image build (see $WORK/logs/mvn.log)"
    echo "Image: built in $(($(date +%s) - started)) s"
fi
[[ -f $IMAGE_TAR ]] || fail "no $IMAGE_TAR"
echo "Image: $IMAGE_TAR ($(du -m "$IMAGE_TAR" | cut -f1) MB)"

# ---- 3. read it as `docker load` does -----------------------------------------------------------------

image=$WORK/image
rm -rf "$image"
mkdir -p "$image"
tar -xf "$IMAGE_TAR" -C "$image"
manifest=$(jq '.[0]' "$image/manifest.json")
config=$image/$(jq -r '.Config // .config' <<< "$manifest")
readarray -t layers < <(jq -r '(.Layers // .layers)[]' <<< "$manifest")
readarray -t diff_ids < <(jq -r '.rootfs.diff_ids[]' "$config")
[[ ${#layers[@]} == "${#diff_ids[@]}" ]] || fail "${#layers[@]} layers but ${#diff_ids[@]} diff_ids"
for i in "${!layers[@]}"; do
    actual=sha256:$(gzip -dcf "$image/${layers[$i]}" | sha256sum | cut -d' ' -f1)
    [[ $actual == "${diff_ids[$i]}" ]] || fail "layer ${layers[$i]}: digest $actual, config says ${diff_ids[$i]}"
done
user=$(jq -r '.config.User // ""' "$config")
workdir=$(jq -r '.config.WorkingDir // ""' "$config")
workdir=${workdir:-/}
readarray -t image_env < <(jq -r '(.config.Env // [])[]' "$config")
readarray -t command < <(jq -r '(.config.Entrypoint // [])[], (.config.Cmd // [])[]' "$config")
echo "Config: user '$user', working dir '$workdir', volumes $(jq -c '.config.Volumes' "$config"),"
echo "        ports $(jq -c '.config.ExposedPorts' "$config"), ${#layers[@]} layers"
echo "        env ${image_env[*]}"
echo "        entrypoint ${command[*]}"
[[ $user == 10001:0 ]] || fail "the image runs as '$user', not 10001:0"
[[ $workdir == /data ]] || fail "the working dir is '$workdir', not /data (where docker exec starts the backup line)"
jq -e '.config.Volumes | has("/data")' "$config" > /dev/null || fail "/data is not a volume"
jq -e '.config.ExposedPorts | has("8080/tcp")' "$config" > /dev/null || fail "8080 is not exposed"
printf '%s\n' "${image_env[@]}" | grep -qx 'PORTAL_DATA_DIR=/data' || fail "PORTAL_DATA_DIR is not /data"
printf '%s\n' "${image_env[@]}" | grep -qx 'JAVA_HOME=/opt/java/openjdk' || fail "JAVA_HOME is not the base image's"

# Layers in order, as an engine applies them: whiteouts (.wh.NAME removes NAME of the layers below,
# .wh..wh..opq empties its folder) first, then the layer's own files with their owners and modes.
rootfs=$WORK/rootfs
unmount_under "$rootfs"
rm -rf "$rootfs"
mkdir -p "$rootfs"
for layer in "${layers[@]}"; do
    while IFS= read -r entry; do
        entry=${entry#./}
        folder=$(dirname "$entry") name=$(basename "$entry")
        if [[ $name == .wh..wh..opq ]]; then
            find "$rootfs/$folder" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
        else
            rm -rf "${rootfs:?}/$folder/${name#.wh.}"
        fi
    done < <(tar -tf "$image/$layer" --warning=no-unknown-keyword | grep -E '(^|/)\.wh\.[^/]+$' || true)
    # Jib's layers carry pax keywords of their own (creation times) that GNU tar does not know.
    tar -xf "$image/$layer" -C "$rootfs" --numeric-owner --same-owner --same-permissions --exclude='.wh.*' \
        --warning=no-unknown-keyword
done
data_mode=$(stat -c '%U:%G %a' "$rootfs/data")
echo "Root folder: $(du -sm "$rootfs" | cut -f1) MB unpacked; /data is $data_mode"
[[ -x $rootfs/opt/java/openjdk/bin/java ]] || fail "no /opt/java/openjdk/bin/java in the image"

free_port() {
    local port
    for port in $(seq 18080 18180); do
        [[ -z $(ss -Htln "sport = :$port") ]] && {
            echo "$port"
            return
        }
    done
    fail "no free port in 18080–18180"
}

# A new named volume, as an engine makes it: a copy of the image's /data, owner and mode included.
new_volume() {
    local volume=$WORK/volume-$1
    rm -rf "$volume"
    cp -a "$rootfs/data" "$volume"
    echo "$volume"
}

# Starts the image's entrypoint on volume $1 with the extra variables $3… (docker run -e); its PID (as
# the host sees it) goes to $portal, its log to $WORK/logs/run-$2.log.
run_container() {
    local volume=$1 name=$2
    shift 2
    # --kill-child: should this script end first, the portal (PID 1 of its namespace) ends with it.
    unshare --mount --pid --fork --kill-child --propagation private "$self" __container "$rootfs" "$volume" "$user" "$workdir" \
        "${image_env[@]}" HOME=/ "$@" -- "${command[@]}" > "$WORK/logs/run-${name,,}.log" 2>&1 &
    launcher=$!
    pids+=("$launcher")
    portal=""
    for _ in $(seq 1 50); do
        portal=$(pgrep -P "$launcher" || true)
        [[ -n $portal ]] && break
        sleep 0.1
    done
    [[ -n $portal ]] || fail "run $name did not start (see $WORK/logs/run-${name,,}.log)"
    pids+=("$portal")
}

# Waits for GET /login = 200 and a readiness UP on $1; prints the seconds it took from $2.
wait_ready() {
    local port=$1 since=$2 name=$3
    for _ in $(seq 1 1200); do
        kill -0 "$launcher" 2> /dev/null || fail "run $name ended (see $WORK/logs/run-${name,,}.log)"
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login") == 200 ]]; then
            login_seconds=$(awk -v now="$(date +%s.%N)" -v since="$since" 'BEGIN { printf "%.1f", now - since }')
            load=$(cut -d' ' -f1-3 /proc/loadavg)
            break
        fi
        sleep 0.5
    done
    [[ -n ${login_seconds:-} ]] || fail "run $name: /login did not answer within 10 minutes"
    for _ in $(seq 1 240); do
        [[ $(curl -s "http://127.0.0.1:$port/actuator/health/readiness" | jq -r .status 2> /dev/null) == UP ]] && return
        sleep 0.5
    done
    fail "run $name: readiness not UP within 2 minutes"
}

# SIGTERM to the entrypoint (docker stop); it must end within 30 s, as docker stop waits by default.
stop_container() {
    local name=$1 status=0 stopped=$(($(date +%s) + 30))
    kill -TERM "$portal"
    while kill -0 "$launcher" 2> /dev/null && (($(date +%s) < stopped)); do
        sleep 0.2
    done
    kill -0 "$launcher" 2> /dev/null && fail "run $name: still running 30 s after SIGTERM"
    wait "$launcher" || status=$?
    # The JVM ends on SIGTERM after its shutdown hooks with 143 (128 + 15), as `docker ps -a` shows it;
    # before that, Spring's shutdown lets the requests end and closes the pool (and so the database).
    [[ $status == 143 || $status == 0 ]] || fail "run $name: exit status $status after SIGTERM"
    grep -q 'Graceful shutdown complete' "$WORK/logs/run-${name,,}.log" || fail "run $name: no graceful shutdown"
    grep -q 'HikariPool-1 - Shutdown completed' "$WORK/logs/run-${name,,}.log" || fail "run $name: pool not closed"
    echo "Run $name: stopped by SIGTERM in $(($(date +%s) - stopped + 30)) s, exit status $status, graceful shutdown, pool closed"
}

# ---- run A: the README's `docker run` -----------------------------------------------------------------

volume=$(new_volume a)
port=$(free_port)
password="Image-Check-$(date +%s)-Pw"
echo "Run A: fresh volume ($(stat -c '%U:%G %a' "$volume")), PORTAL_ADMIN_PASSWORD, PORTAL_PORT=$port …"
started=$(date +%s.%N)
login_seconds=""
run_container "$volume" A "PORTAL_ADMIN_PASSWORD=$password" "PORTAL_PORT=$port"
wait_ready "$port" "$started" A
[[ $(stat -c %u "/proc/$portal") == 10001 ]] || fail "the entrypoint does not run as uid 10001"
echo "Run A: /login 200 after ${login_seconds} s (load average $load), readiness UP, running as uid 10001"
code=$(curl -s -o "$WORK/logs/api-a.json" -w '%{http_code}' -u "admin:$password" "http://127.0.0.1:$port/api/v1/users")
[[ $code == 403 ]] && grep -q password_change_required "$WORK/logs/api-a.json" \
    || fail "admin with PORTAL_ADMIN_PASSWORD: $code $(cat "$WORK/logs/api-a.json")"
code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:wrong-$password" "http://127.0.0.1:$port/api/v1/users")
[[ $code == 401 ]] || fail "a wrong password: $code"
echo "Run A: admin's password from PORTAL_ADMIN_PASSWORD accepted (403 password_change_required; a wrong one 401)"
[[ -f $volume/portal.mv.db ]] || fail "no portal.mv.db in the volume"
strangers=$(find "$volume" -mindepth 1 ! -uid 10001 ! -name README.txt)
[[ -z $strangers ]] || fail "files in /data not written by uid 10001: $strangers"
echo "Run A: /data holds $(find "$volume" -mindepth 1 ! -name README.txt | sed "s|^$volume/||" | sort | paste -sd' ' -), all of uid 10001"
stop_container A
start_a=$login_seconds load_a=$load

# ---- run B: the README's backup command, inside the running container ------------------------------------

if $backup; then
    volume=$(new_volume b)
    port=$(free_port)
    echo "Run B: demo users on a file database in a fresh volume, PORTAL_PORT=$port …"
    started=$(date +%s.%N)
    login_seconds=""
    run_env=(SPRING_PROFILES_ACTIVE=demo "PORTAL_PORT=$port"
        "SPRING_DATASOURCE_URL=jdbc:h2:file:/data/portal;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0")
    run_container "$volume" B "${run_env[@]}"
    wait_ready "$port" "$started" B
    token=$(curl -s -u admin:demo -H 'Content-Type: application/json' \
        -d "{\"name\": \"image check\", \"expiresAt\": \"$(date -u -d tomorrow +%FT%TZ)\"}" \
        "http://127.0.0.1:$port/api/v1/me/tokens" | jq -r .token)
    [[ $token == pcdr_* ]] || fail "no API token for admin"
    # docker exec: the container's namespaces, root, user, working dir and environment, plus -e.
    status=0
    nsenter --target "$portal" --mount --pid -- chroot --userspec="$user" "$rootfs" \
        /usr/bin/env -i -C "$workdir" "${image_env[@]}" HOME=/ "${run_env[@]}" "PORTAL_API_TOKEN=$token" \
        java -cp @/app/jib-classpath-file org.pchatdr.portal.PortalApplication backup --to /data/backups/now.zip \
        > "$WORK/logs/backup.log" 2>&1 || status=$?
    [[ $status == 0 ]] || fail "the backup command exited $status: $(cat "$WORK/logs/backup.log")"
    [[ $(stat -c %u "$volume/backups/now.zip") == 10001 ]] || fail "the backup is not uid 10001's"
    "$JAVA_HOME/bin/jar" tf "$volume/backups/now.zip" | grep -qx portal.mv.db || fail "no portal.mv.db in the backup"
    echo "Run B: $(head -n 1 "$WORK/logs/backup.log") ($(du -k "$volume/backups/now.zip" | cut -f1) kB, holds portal.mv.db)"
    stop_container B
fi

echo "Image check passed: $(du -m "$IMAGE_TAR" | cut -f1) MB image, /login after ${start_a} s in the chroot (load average $load_a)."
