#!/usr/bin/env bash
# The daemons' test suites again under AddressSanitizer + UndefinedBehaviorSanitizer (preset "asan", without the
# console and the benches): the HTTP server and client, the upstream simulator, the gateway's parts and the gateway
# end to end with its hostile-input tests. Any sanitizer report fails the run. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset asan -DMG_BUILD_CONSOLE=OFF >/dev/null
cmake --build --preset asan -j "$jobs" --target \
    http_client_tests upstream_tests gateway_store_tests gateway_inspect_tests gateway_support_tests policy_tests \
    gateway_e2e_tests modelguard-gateway modelguard-cli
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/asan -L 'services|gateway' -j "$jobs" --timeout 900 --output-on-failure
echo "asan-suite: clean"
