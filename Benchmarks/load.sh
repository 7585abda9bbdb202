#!/usr/bin/env bash
# The load generator's own limits, against a zero-latency `proctor sim` on the same machine (both
# processes share its cores). Release build, figures printed; not timed tests.
#   1. ceiling: completed requests per second at 64 closed-loop users, streamed and not, and how
#      many of the 64 were really in flight;
#   2. timing: the client's lateness (sent − scheduled) at 1,000 requests/s Poisson;
#   3. memory: peak RSS of `proctor load` over 100,000 requests;
#   4. the cost of watching: the ceiling and the timing runs again with the resource monitor on
#      (sampling the simulator's process every second) and every request traced to an OTLP
#      receiver (Benchmarks/otlp_sink.py), beside the same runs with both off.
set -euo pipefail
cd "$(dirname "$0")/.."

source Benchmarks/simulator.sh
proctor_release_build
start_simulator --capacity 4096
URL="http://127.0.0.1:$PORT/v1"
echo "machine: $(nproc) cores; simulator: zero latency, 4,096 slots"

summarise() {
    python3 -c '
import json, sys
label = sys.argv[1]
report = json.load(sys.stdin)
for level in report["levels"]:
    m = level["metrics"]
    late = m["lateness"]
    print("%s: %d ok, %d failed in %.2f s = %.0f req/s; in flight at most %d; lateness p50 %.3f ms, p99 %.3f ms, max %.3f ms"
          % (label, m["completed"], m["failed"], m["duration"], m["requestThroughput"], m["peakConcurrency"],
             late["median"] * 1000, late["p99"] * 1000, late["max"] * 1000))
' "$1"
}

COMMON=(--model "$URL" --input-tokens 16 --output-tokens 16 --store "$WORK/bench.db" --json)
"$BIN" load "${COMMON[@]}" --users 64 --step-duration 10s | summarise "ceiling, streamed, 64 users"
"$BIN" load "${COMMON[@]}" --users 64 --step-duration 10s --no-stream | summarise "ceiling, not streamed, 64 users"
"$BIN" load "${COMMON[@]}" --rate 1000 --arrival poisson --requests-per-step 10000 | summarise "timing, 1,000 req/s Poisson"
python3 Benchmarks/measure.py "memory, 100,000 requests at 3,000 req/s (max 64 in flight)" 1 -- \
    "$BIN" load "${COMMON[@]}" --rate 3000 --arrival poisson --requests-per-step 100000 --max-concurrency 64

SINK_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 Benchmarks/otlp_sink.py "$SINK_PORT" &
SINK_PID=$!
trap 'kill "$SINK_PID" 2>/dev/null; if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null; fi; rm -rf "$WORK"' EXIT
sleep 0.5
WATCHED=(--monitor --monitor-interval 1s --server-pid "$SIM_PID" --otlp-endpoint "http://127.0.0.1:$SINK_PORT")
# Alternated three times, since runs on a shared 2-core machine vary by about ±10% on their own.
for round in 1 2 3; do
    "$BIN" load "${COMMON[@]}" --users 64 --step-duration 10s --no-monitor | summarise "off ($round):     ceiling, streamed, 64 users"
    "$BIN" load "${COMMON[@]}" --users 64 --step-duration 10s "${WATCHED[@]}" | summarise "watched ($round): ceiling, streamed, 64 users"
done
"$BIN" load "${COMMON[@]}" --rate 1000 --arrival poisson --requests-per-step 10000 --no-monitor | summarise "off:     timing, 1,000 req/s Poisson"
"$BIN" load "${COMMON[@]}" --rate 1000 --arrival poisson --requests-per-step 10000 "${WATCHED[@]}" | summarise "watched: timing, 1,000 req/s Poisson"
