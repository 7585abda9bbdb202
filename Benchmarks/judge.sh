#!/usr/bin/env bash
# The judged-benchmark pipeline at full size: MT-bench for three models (80 questions × 2 turns
# each) and one judge grading all 480 answers, every endpoint a zero-latency `proctor sim` with
# scripted answers and verdicts. Release build; wall time and peak RSS of the whole command.
# (FastChat's scripts judge one call per thread and re-read the answer files per model.)
set -euo pipefail
cd "$(dirname "$0")/.."

source Benchmarks/simulator.sh
proctor_release_build

MODELS=()
PIDS=()
for name in model-a model-b model-c; do
    start_simulator --capacity 4096 --model-name "$name" --fallback "An answer from $name, long enough to look like one."
    MODELS+=(--model "http://127.0.0.1:$PORT/v1")
    PIDS+=("$SIM_PID")
done
printf '%s\n' \
    '{"contains": "### Assistant A:\nAn answer from model-a", "response": "Consistent. Rating: [[8]]"}' \
    '{"contains": "Answer]\nAn answer from model-a", "response": "Helpful. Rating: [[9]]"}' \
    '{"contains": "Answer]\nAn answer from model-b", "response": "Adequate. Rating: [[6]]"}' > "$WORK/verdicts.jsonl"
start_simulator --capacity 4096 --model-name judge --answers "$WORK/verdicts.jsonl" --fallback "Weak. Rating: [[4]]"
JUDGE="http://127.0.0.1:$PORT/v1"
PIDS+=("$SIM_PID")
SIM_PID=""
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(python3 -c 'import platform; print(platform.processor() or platform.machine())')"
# A fresh store per repetition, so no answer comes from the cache.
python3 Benchmarks/measure.py "mt-bench: 3 models × 80 questions × 2 turns, one judge (480 judgments) vs zero-latency sims" 3 -- \
    bash -c "rm -f '$WORK/judge.db'* && exec '$BIN' eval mt-bench ${MODELS[*]} --judge '$JUDGE' --concurrency 64 --judge-concurrency 64 --store '$WORK/judge.db' --json > '$WORK/out.json'"
python3 - "$WORK/out.json" <<'PY'
import json, sys
comparison = json.load(open(sys.argv[1]))
for entry in comparison["entries"]:
    scores = entry["scores"]
    print(f'{entry["model"]}: {entry["answers"]} answers, {scores["rated"]} rated, MT-bench {scores["overall"]["mean"]:.2f}')
PY
