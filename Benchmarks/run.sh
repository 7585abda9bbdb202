#!/usr/bin/env bash
# Proctor's benchmarks: release build, figures printed. Not timed tests.
#   1. full GSM8K (1,319 gsm8k_cot requests) against `proctor sim` with zero latency, end to end
#      (prompting, streaming, scoring, store): wall time and peak RSS of `proctor eval`;
#   2. MathChat follow-up QA: all 1,319 rows, three turns each (3,957 requests), end to end;
#   3. start-up: `proctor --version`;
#   4. MATH scoring: 5,000 responses per set (gold solutions, perturbed and restated gold answers)
#      through extraction, lm-eval normalisation and native equivalence; EdgeJSON's 158 answers
#      through both extractors, every metric and schema validation.
set -euo pipefail
cd "$(dirname "$0")/.."

source Benchmarks/simulator.sh
proctor_release_build
python3 Benchmarks/gsm8k_answers.py Sources/ProctorBenchmarks/Resources/gsm8k/test.jsonl > "$WORK/answers.jsonl"
start_simulator --capacity 4096 --answers "$WORK/answers.jsonl"

echo "machine: $(nproc) cores, $(python3 -c 'import platform; print(platform.processor() or platform.machine())')"
CONCURRENCY="${CONCURRENCY:-64}"
python3 Benchmarks/measure.py "gsm8k full (1,319 requests, concurrency $CONCURRENCY) vs zero-latency sim" 3 -- \
    "$BIN" eval gsm8k --model "http://127.0.0.1:$PORT/v1" --concurrency "$CONCURRENCY" --store "$WORK/bench.db" --json
"$BIN" runs list --store "$WORK/bench.db" --limit 1
python3 Benchmarks/measure.py "mathchat-followup (1,319 rows × 3 turns, concurrency $CONCURRENCY) vs zero-latency sim" 3 -- \
    "$BIN" eval mathchat-followup --model "http://127.0.0.1:$PORT/v1" --concurrency "$CONCURRENCY" --store "$WORK/mathchat.db" --json
kill "$SIM_PID" && wait "$SIM_PID" 2>/dev/null || true
SIM_PID=""
python3 Benchmarks/measure.py "proctor --version start-up" 30 -- "$BIN" --version

swift build -c release --product ScoringBenchmark >&2
"$PWD/.build/release/ScoringBenchmark"
