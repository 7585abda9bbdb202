#!/usr/bin/env bash
# Soak (a benchmark, not a test): `proctor load` at 500 requests/s, Poisson, for 30 minutes against
# `proctor sim` injecting 5% faults (500, 429, disconnect, malformed SSE, stall). One level per
# minute. Each minute prints the load generator's RSS and open file descriptors, which must stay
# flat; at the end every request must be in the store and every failure in a known class.
#   Benchmarks/soak.sh [MINUTES] [RATE]     (defaults 30 and 500)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
RATE=${2:-500}
PER_LEVEL=$((RATE * 60))

source Benchmarks/simulator.sh
proctor_release_build
start_simulator --capacity 512 --faults 0.05 --retry-after 0
URL="http://127.0.0.1:$PORT/v1"
echo "machine: $(nproc) cores; simulator: zero latency, 512 slots, 5% faults; $MINUTES minutes at $RATE req/s ($PER_LEVEL per level)"

RATES=$(python3 -c "print(','.join(['$RATE'] * $MINUTES))")
"$BIN" load --model "$URL" --rate "$RATES" --arrival poisson --requests-per-step "$PER_LEVEL" --max-concurrency 256 \
    --input-tokens 16 --output-tokens 16 --timeout 2 --no-monitor --store "$WORK/soak.db" --json >"$WORK/report.json" 2>"$WORK/load.log" &
LOAD_PID=$!

printf '%6s %10s %8s %10s\n' minute rss_MiB fds sim_rss_MiB
sample() {
    local rss fds sim
    rss=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$LOAD_PID/status" 2>/dev/null) || return 1
    fds=$(ls "/proc/$LOAD_PID/fd" 2>/dev/null | wc -l)
    sim=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SIM_PID/status" 2>/dev/null || echo "?")
    printf '%6s %10s %8s %10s\n' "$1" "$rss" "$fds" "$sim"
}
minute=0
sleep 5 && sample "0.1" || true
while kill -0 "$LOAD_PID" 2>/dev/null; do
    for _ in $(seq 60); do kill -0 "$LOAD_PID" 2>/dev/null || break; sleep 1; done
    minute=$((minute + 1))
    kill -0 "$LOAD_PID" 2>/dev/null && sample "$minute" || true
done
status=0
wait "$LOAD_PID" || status=$?
echo "proctor load exited $status"
tail -5 "$WORK/load.log" >&2

python3 - "$WORK/report.json" "$WORK/soak.db" "$PER_LEVEL" "$MINUTES" <<'PY'
import json, sqlite3, sys, collections
report, db, per_level, minutes = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
levels = report["levels"]
completed = sum(l["metrics"]["completed"] for l in levels)
failed = sum(l["metrics"]["failed"] for l in levels)
kinds = collections.Counter()
for l in levels:
    kinds.update(l["metrics"]["failedByKind"])
expected = per_level * minutes
con = sqlite3.connect(db)
stored, stored_failed = con.execute("SELECT COUNT(*), COUNT(errorKind) FROM load_request WHERE runId = ?", (report["runId"],)).fetchone()
unmessaged = con.execute("SELECT COUNT(*) FROM load_request WHERE runId = ? AND errorKind IS NOT NULL AND errorMessage IS NULL", (report["runId"],)).fetchone()[0]
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
known = {"server_error", "rate_limited", "disconnected", "malformed_response", "timeout", "connection", "empty_response"}
late = max(l["metrics"]["lateness"]["p99"] for l in levels)
throughput = [l["metrics"]["requestThroughput"] for l in levels]
print(f"levels {len(levels)}; requests sent {completed + failed} of {expected}; completed {completed}, failed {failed} ({failed / max(completed + failed, 1):.2%})")
print(f"failures by class: {dict(sorted(kinds.items()))}")
print(f"store: {stored} requests, {stored_failed} failed, {unmessaged} failures without a message; integrity_check {integrity}")
print(f"throughput per level {min(throughput):.1f}–{max(throughput):.1f} req/s; worst level p99 lateness {late * 1000:.2f} ms")
problems = []
if completed + failed != expected: problems.append("requests lost before the report")
if stored != expected: problems.append("requests lost from the store")
if stored_failed != failed: problems.append("stored failures differ from the report's")
if set(kinds) - known: problems.append(f"unclassified failures: {set(kinds) - known}")
if unmessaged: problems.append("failures stored without a message")
if integrity != "ok": problems.append("store integrity")
print("PASS" if not problems else "FAIL: " + "; ".join(problems))
sys.exit(1 if problems else 0)
PY
