#!/usr/bin/env bash
# Command one: builds Proctor, installs the bundled local engine if it is missing (llama.cpp's
# llama-server and SmolLM2-135M-Instruct, built once into ~/.cache/proctor), and runs a real
# evaluation on it. Extra arguments go to `proctor eval`, e.g. --limit 100 or --concurrency 2.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
swift build --product proctor
exec .build/debug/proctor eval gsm8k --model local --limit 50 "$@"
