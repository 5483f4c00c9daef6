#!/usr/bin/env bash
# The gateway under AddressSanitizer + UndefinedBehaviorSanitizer: its parts' unit tests built with the sanitizers
# (preset "asan", without the console), and the gateway end-to-end suite (hostile input included) run against a
# sanitized modelguard-gateway binary. Any sanitizer report makes the process abort, which fails the tests.
# Called by scripts/test.sh after the main build (it reuses that build's e2e test binary); MG_SKIP_ASAN=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset asan -DMG_BUILD_CONSOLE=OFF -DMG_BUILD_TESTS=ON >/dev/null
cmake --build --preset asan -j "$jobs" --target modelguard-gateway gateway_store_tests gateway_inspect_tests policy_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in tests/gateway/store/gateway_store_tests tests/gateway/inspect/gateway_inspect_tests \
    tests/unit/policy/policy_tests; do
    "build/asan/$t" --gtest_brief=1
done
MG_TEST_GATEWAY_BINARY="$PWD/build/asan/app/gateway/modelguard-gateway" \
    build/ci/tests/gateway/e2e/gateway_e2e_tests --gtest_brief=1
# A sanitizer report in a gateway process ends that process: the tests above fail. Reports are also in the logs.
echo "asan-suite: clean"
