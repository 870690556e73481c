# Sourced by the benchmarks: JAVA_HOME names a JDK 21 or newer (the one given, else Temurin 25 where
# this machine has it) and its java comes first on PATH.

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
export PATH="$JAVA_HOME/bin:$PATH"
