#!/usr/bin/env bash
# Proctor's estimated energy beside CodeCarbon's own estimate (PyPI codecarbon, pinned; installed
# once into a venv under ~/.cache/proctor) for the same process tree and window: a simulator under
# a steady load, watched by both. On a machine without RAPL or a GPU both use CodeCarbon's
# cpu-load model, so the figures should agree closely; the gap is what Proctor's sampling adds.
set -euo pipefail
cd "$(dirname "$0")/.."

version=3.3.2
venv="${PROCTOR_CACHE:-$HOME/.cache/proctor}/codecarbon-$version"
if [ ! -x "$venv/bin/python" ]; then
    echo "installing codecarbon $version into $venv (once)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "codecarbon==$version" >&2
fi
swift build -c release --product proctor --static-swift-stdlib >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$venv/bin/python" Benchmarks/energy_codecarbon.py "$PWD/.build/release/proctor" "$WORK" "${1:-40}"
