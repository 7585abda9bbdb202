#!/usr/bin/env bash
# Command two: the whole test suite, end-to-end tests against the real local engine included.
# Installs what is missing first (Debian packages, the local engine, the fine-tuning trainer's
# Python environment, Arize Phoenix for the trace test), so it works on a machine that has never
# seen the project.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
scripts/phoenix.sh install
phoenix_dir=$(mktemp -d)
read -r phoenix_port phoenix_pid < <(scripts/phoenix.sh start "$phoenix_dir")
trap 'kill "$phoenix_pid" 2>/dev/null || true; rm -rf "$phoenix_dir"' EXIT
swift build --build-tests
.build/debug/proctor engine install
.build/debug/proctor finetune --install-only
scripts/phoenix.sh wait "$phoenix_port"
export PROCTOR_E2E=1
export PROCTOR_PHOENIX_URL="http://127.0.0.1:$phoenix_port"
swift test --skip-build
# Every fuzz target still builds with libFuzzer and keeps its properties on 2,000 inputs.
scripts/fuzz.sh --smoke
