#!/usr/bin/env bash
# Fuzz smoke test (CI): configures the `fuzz` preset (clang, libFuzzer + ASan/UBSan), builds every fuzz target of
# tests/fuzz and runs each one briefly from its seed corpus. Fails on any crash, sanitizer report, leak or timeout.
#
#   scripts/fuzz-smoke.sh                 # 30 s per target
#   FUZZ_SECONDS=300 scripts/fuzz-smoke.sh
#
# Environment: FUZZ_SECONDS (per target, default 30), FUZZ_RSS_MB (default 2048), FUZZ_JOBS (build jobs, default 2),
# FUZZ_BUILD_DIR (default build/fuzz, the preset's directory). Crash reproducers are written to
# $FUZZ_BUILD_DIR/fuzz-artifacts/<target>/; rerun one with: $FUZZ_BUILD_DIR/tests/fuzz/<target> <file>.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${FUZZ_SECONDS:-30}
rss_mb=${FUZZ_RSS_MB:-2048}
jobs=${FUZZ_JOBS:-2}
build_dir=${FUZZ_BUILD_DIR:-$root/build/fuzz}

command -v clang++ >/dev/null || { echo "fuzz-smoke: clang++ not found (scripts/setup.sh installs it)" >&2; exit 1; }

cmake --preset fuzz -B "$build_dir" >/dev/null
cmake --build "$build_dir" --target fuzz-targets -j "$jobs"

mapfile -t targets < <(grep -vE '^\s*$' "$build_dir/fuzz-targets.txt")
if [ ${#targets[@]} -eq 0 ]; then
    echo "fuzz-smoke: no fuzz targets configured" >&2
    exit 1
fi

status=0
for target in "${targets[@]}"; do
    binary=$(find "$build_dir" -type f -name "$target" -perm -u+x | head -n 1)
    if [ -z "$binary" ]; then
        echo "fuzz-smoke: $target was not built" >&2
        status=1
        continue
    fi
    # libFuzzer adds what it finds to the first corpus directory: use a scratch copy so that the committed seeds
    # stay as they are.
    work=$(mktemp -d)
    artifacts="$build_dir/fuzz-artifacts/$target"
    mkdir -p "$artifacts"
    seeds=()
    if [ -d "tests/fuzz/corpus/$target" ]; then
        seeds=("tests/fuzz/corpus/$target")
    fi
    echo "fuzz-smoke: $target for ${seconds}s"
    if "$binary" "$work" "${seeds[@]}" -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout=25 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$artifacts/log.txt" 2>&1; then
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$artifacts/log.txt" | sed "s/^/  /" || true
    else
        echo "fuzz-smoke: $target FAILED (log and reproducer in $artifacts/):" >&2
        tail -n 40 "$artifacts/log.txt" >&2
        status=1
    fi
    rm -rf "$work"
done

[ $status -eq 0 ] && echo "fuzz-smoke: ok (${#targets[@]} targets, ${seconds}s each)"
exit $status
