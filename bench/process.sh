# Sourced by the benchmarks that start a portal (or the bare application) as a process of their own.

# free_port prints a port nobody listens on (a refused connection), below the kernel's range of
# ephemeral ports (/proc/sys/net/ipv4/ip_local_port_range, 32768-60999 here): a port in that range
# can be the local end of one of curl's polling connections at the moment the server binds it
# ("Port … was already in use", seen once in startup-vs-bare.sh).
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return
        fi
    done
}

# stop_process ends the one whose pid is in $pid, politely first (up to 30 s), then with SIGKILL.
stop_process() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null; then
        kill "$pid"
        for _ in $(seq 1 300); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2> /dev/null && kill -9 "$pid"
    fi
    pid=""
}
