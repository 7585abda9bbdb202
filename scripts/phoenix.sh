#!/usr/bin/env bash
# Arize Phoenix (PyPI arize-phoenix, pinned) for the trace tests: installed once into a venv under
# ~/.cache/proctor/phoenix, started on loopback with its data in a folder of the caller's.
#
#   scripts/phoenix.sh install          install if missing
#   scripts/phoenix.sh start DIR        start in the background; prints "PORT PID"
#   scripts/phoenix.sh wait PORT        wait until it answers /healthz (up to 180 s)
set -euo pipefail

version=20.26.1
cache="${PROCTOR_CACHE:-$HOME/.cache/proctor}/phoenix-$version"

case "${1:-}" in
install)
    if [ ! -x "$cache/bin/phoenix" ]; then
        echo "installing arize-phoenix $version into $cache (once)" >&2
        rm -rf "$cache"
        python3 -m venv "$cache"
        "$cache/bin/pip" install -q --disable-pip-version-check "arize-phoenix==$version" >&2
    fi
    ;;
start)
    dir="${2:?usage: phoenix.sh start DIR}"
    read -r http grpc < <(python3 -c 'import socket
ports = []
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); ports.append(s); 
print(*[s.getsockname()[1] for s in ports])')
    PHOENIX_HOST=127.0.0.1 PHOENIX_PORT=$http PHOENIX_GRPC_PORT=$grpc PHOENIX_WORKING_DIR="$dir" \
        PHOENIX_TELEMETRY_ENABLED=false nohup "$cache/bin/phoenix" serve >"$dir/phoenix.log" 2>&1 &
    echo "$http $!"
    ;;
wait)
    port="${2:?usage: phoenix.sh wait PORT}"
    for _ in $(seq 1 180); do
        if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=2)" 2>/dev/null; then
            exit 0
        fi
        sleep 1
    done
    echo "Phoenix did not answer on port $port within 180 s" >&2
    exit 1
    ;;
*)
    echo "usage: scripts/phoenix.sh install | start DIR | wait PORT" >&2
    exit 2
    ;;
esac
