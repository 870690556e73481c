# Sourced by the benchmarks that start a portal (or the bare application) as a process of their own:
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
