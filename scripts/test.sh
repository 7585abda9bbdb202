#!/usr/bin/env bash
# Command two: the whole test suite, end-to-end tests against the real local engine included.
# Installs what is missing first (Debian packages, then the local engine), so it works on a
# machine that has never seen the project.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
swift build --build-tests
.build/debug/proctor engine install
export PROCTOR_E2E=1
swift test --skip-build
