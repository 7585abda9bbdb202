#!/usr/bin/env bash
# The fine-tuning loop on this machine's CPU: a LoRA of the bundled SmolLM2-135M-Instruct on
# GSM8K's train split (one torch thread, 4 examples × 256 tokens a step), converted and served by
# the local engine, then base and tuned evaluated on the same GSM8K test problems in the training
# prompts' protocol and compared with the paired test. Prints seconds per step, the trainer's
# peak memory, the held-out loss before and after, and the comparison.
#
#   Benchmarks/finetune.sh [STEPS] [PROBLEMS]     (default 100 steps, 200 problems; about an hour)
#
# Run it on an otherwise idle machine: a trainer sharing its cores runs several times slower.
set -euo pipefail
cd "$(dirname "$0")/.."

steps="${1:-100}"
problems="${2:-200}"
swift build -c release --product proctor --static-swift-stdlib >&2
proctor="$PWD/.build/release/proctor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
name="bench-gsm8k-$steps-$(date +%s)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$proctor" finetune --base local --data gsm8k:train --steps "$steps" --name "$name" --threads 1 \
    --eval gsm8k --limit "$problems" --concurrency 2 --store "$WORK/proctor.db" | tee "$WORK/out.txt"
run=$(sed -n 's/^run \(r[0-9a-f]*\) · finetune.*/\1/p' "$WORK/out.txt" | head -1)
"$proctor" runs show "$run" --store "$WORK/proctor.db" --json | python3 -c '
import json, sys
spec = json.load(sys.stdin)["run"]["specification"]["finetune"]
steps = spec["losses"]
per_step = (steps[-1]["seconds"] - steps[0]["seconds"]) / (steps[-1]["step"] - steps[0]["step"])
peak = max(s.get("peakMemoryBytes") or 0 for s in steps + (spec.get("heldOutLosses") or []))
held = spec.get("heldOutLosses") or []
print(f"seconds per step (after the first): {per_step:.2f}")
print(f"trainer peak RSS: {peak / 2**30:.2f} GiB")
if len(held) == 2:
    before, after = held[0], held[-1]
    print("held-out loss: %.3f before, %.3f after %d steps" % (before["loss"], after["loss"], after["step"]))
'
rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}/proctor/adapters/$name"
