# Sourced by the benchmark scripts: builds the release binary and starts `proctor sim`.
#   proctor_release_build            sets BIN and WORK (removed on exit, with the simulator)
#   start_simulator [SIM OPTIONS…]   starts it on a free port, waits for /health, sets PORT and SIM_PID

proctor_release_build() {
    # Static Swift runtime and Foundation: the dynamic loader would otherwise add ~8 ms to every start.
    swift build -c release --product proctor --static-swift-stdlib >&2
    BIN="$PWD/.build/release/proctor"
    WORK="$(mktemp -d)"
    SIM_PID=""
    trap 'if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null; fi; rm -rf "$WORK"' EXIT
}

start_simulator() {
    PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "$BIN" sim --port "$PORT" "$@" 2> "$WORK/sim.log" &
    SIM_PID=$!
    python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(200):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=1)
        sys.exit(0)
    except Exception:
        time.sleep(0.05)
sys.exit("the simulator did not start")
PY
}
