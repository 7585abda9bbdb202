#!/usr/bin/env bash
# Fuzzes Proctor's parsers with libFuzzer (see Sources/ProctorFuzzTargets).
#
#   scripts/fuzz.sh [--seconds N] [--runs N] [TARGET…]   release build in .build-fuzz; each target
#                                                          runs until N seconds or N inputs (default
#                                                          300 s, 1,000,000 inputs), whichever first
#   scripts/fuzz.sh --smoke                               CI: a debug build in .build, 2,000 inputs
#                                                          per target from a fixed seed, so the
#                                                          targets keep building
#
# The corpus grows in ~/.cache/proctor/fuzz/corpus/TARGET, starting from each target's seeds (the
# bundled data and the tests' examples). A crash or a broken property stops that target, keeps the
# input in ~/.cache/proctor/fuzz/crashes and fails the script: replay it with
# `proctor-fuzz replay TARGET FILE`, fix it, and add it to Tests/ProctorFuzzTargetsTests/Regressions/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=300 runs=1000000 configuration=release scratch=.build-fuzz seed=0 targets=()
while (($#)); do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --smoke) seconds=60 runs=2000 configuration=debug scratch=.build seed=1; shift ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (--seconds N, --runs N, --smoke)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done

swiftc=$(readlink -f "$(command -v swiftc)")
runtime=$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -1 || true)
if [[ -z "$runtime" ]]; then
    echo "fuzz.sh: libFuzzer's runtime (libclang_rt.fuzzer_no_main) is not in the Swift toolchain at $(dirname "$swiftc")/.." >&2
    exit 2
fi
PROCTOR_FUZZ_RUNTIME=$runtime swift build -c "$configuration" --scratch-path "$scratch" --product proctor-fuzz
fuzzer="$scratch/$configuration/proctor-fuzz"
((${#targets[@]})) || mapfile -t targets < <("$fuzzer" list | cut -f1)

cache="${XDG_CACHE_HOME:-$HOME/.cache}/proctor/fuzz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$cache/crashes"
printf '%-16s %12s %10s %8s %8s %8s  %s\n' target inputs inputs/s seconds corpus cov result
failed=0
for target in "${targets[@]}"; do
    corpus="$cache/corpus/$target"
    mkdir -p "$corpus"
    "$fuzzer" seeds "$target" "$work/seeds-$target"
    log="$work/$target.log"
    started=$(date +%s%N)
    status=0
    PROCTOR_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no "$fuzzer" \
        -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -seed="$seed" -print_final_stats=1 -artifact_prefix="$cache/crashes/$target-" \
        "$corpus" "$work/seeds-$target" >"$log" 2>&1 || status=$?
    elapsed_ms=$((($(date +%s%N) - started) / 1000000))
    inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    result=ok
    if ((status != 0)); then
        failed=1
        artifact=$(sed -n "s/.*Test unit written to //p" "$log" | tail -1)
        result="FAILED (exit $status): ${artifact:-see the log below}"
    fi
    printf '%-16s %12s %10s %8s %8s %8s  %s\n' "$target" "${inputs:-?}" "${rate:-?}" "$((elapsed_ms / 1000)).$((elapsed_ms % 1000 / 100))" "$(ls "$corpus" | wc -l)" "${cov:-?}" "$result"
    if ((status != 0)); then
        grep -E "Fatal error|broke|ERROR|SUMMARY" "$log" | head -5 | sed 's/^/    /'
        [[ -n "${artifact:-}" ]] && echo "    replay: $fuzzer replay $target $artifact"
    fi
done
exit "$failed"
