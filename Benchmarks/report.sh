#!/usr/bin/env bash
# Compare, gate and report benchmarks: release build, figures printed. Not timed tests.
#   1. `proctor compare` of two 5,000-sample MATH runs with a 10,000-resample paired bootstrap
#      (store reads, pairing, McNemar, both extractors): target ≤ 1 s;
#   2. `proctor report` of a 100,000-request load run (ten levels, 16 chunks per request):
#      target ≤ 2 s and ≤ 5 MB of HTML;
#   3. `proctor report` of the two MATH runs (accuracy, groups, forest plot, 500 sample rows).
set -euo pipefail
cd "$(dirname "$0")/.."

source Benchmarks/simulator.sh
proctor_release_build
swift build -c release --product ReportStoreBuilder >&2
"$PWD/.build/release/ReportStoreBuilder" "$WORK/report.db"

echo "machine: $(nproc) cores, $(python3 -c 'import platform; print(platform.processor() or platform.machine())')"
python3 Benchmarks/measure.py "compare two 5,000-sample MATH runs, 10,000 bootstrap resamples" 5 -- \
    "$BIN" compare rmathbase rmathcand --iterations 10000 --json --store "$WORK/report.db"
"$BIN" compare rmathbase rmathcand --iterations 10000 --store "$WORK/report.db" | head -6
python3 Benchmarks/measure.py "report of a 100,000-request load run" 3 -- \
    "$BIN" report rload --out "$WORK/load.html" --store "$WORK/report.db"
echo "load report size: $(python3 -c 'import os,sys; print(f"{os.path.getsize(sys.argv[1]) / 1e6:.2f} MB")' "$WORK/load.html")"
python3 Benchmarks/measure.py "report of two 5,000-sample MATH runs" 3 -- \
    "$BIN" report rmathbase rmathcand --out "$WORK/math.html" --store "$WORK/report.db"
echo "math report size: $(python3 -c 'import os,sys; print(f"{os.path.getsize(sys.argv[1]) / 1e6:.2f} MB")' "$WORK/math.html")"
