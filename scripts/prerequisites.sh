#!/usr/bin/env bash
# Installs the Debian packages Proctor needs that a fresh machine may lack: SQLite headers for
# GRDB, python3 with venv and a C++ toolchain for building the local engine (llama.cpp), and
# Chromium, in which the tests open report and dashboard pages.
# Does nothing when everything is present.
set -euo pipefail

missing=()
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v setsid >/dev/null || missing+=(util-linux)
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v chromium >/dev/null || missing+=(chromium)

if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
