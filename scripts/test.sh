#!/usr/bin/env bash
# Builds everything and runs every test: the README's second command and what CI runs (.ci/run).
# Installs what it needs first (scripts/setup.sh). Idempotent; re-runs reuse the build tree and ccache.
#   MG_SKIP_FUZZ=1   skip the libFuzzer smoke run
#   MG_ASAN_SUITE=1  also run the gateway's suites under ASan/UBSan (scripts/asan-suite.sh; ~10 min more on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh
scripts/node-deps.sh # the official OpenAI client for Node.js that the gateway tests drive
scripts/check-layering.sh
scripts/format.sh --check || { echo "format: run scripts/format.sh" >&2; exit 1; }

cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs" --timeout 900

if [ -n "${MG_ASAN_SUITE:-}" ]; then
    scripts/asan-suite.sh
fi
if [ -z "${MG_SKIP_FUZZ:-}" ] && [ -x scripts/fuzz-smoke.sh ]; then
    scripts/fuzz-smoke.sh
fi
echo "test.sh: all tests passed"
