#!/usr/bin/env bash
# The README's first command: builds what is needed, starts the local demo stack (`modelguard-cli demo`: the
# upstream simulator, a gateway with fresh state, a demo admin token, synthetic traffic with attackers) and opens the
# console connected to it. Closing the console stops the stack. Without a display (no DISPLAY or WAYLAND_DISPLAY)
# the console runs under Xvfb for a while and saves screenshots of the Overview and the Clients view instead.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs" --target modelguard modelguard-cli
cli=build/release/app/cli/modelguard-cli
console=build/release/app/console/modelguard

work=$(mktemp -d)
demo_pid=""
cleanup() {
    if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
        kill -TERM "$demo_pid" 2>/dev/null || true
        wait "$demo_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$cli" demo --state-dir "$work/state" --ready-file "$work/ready.json" &
demo_pid=$!
for _ in $(seq 1 300); do
    [ -f "$work/ready.json" ] && break
    kill -0 "$demo_pid" 2>/dev/null || { echo "demo: the demo stack did not start" >&2; exit 1; }
    sleep 0.1
done
[ -f "$work/ready.json" ] || { echo "demo: the demo stack did not become ready" >&2; exit 1; }
admin_url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin_url"])' "$work/ready.json")
token_file=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token_file"])' "$work/ready.json")

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: opening the console (close it to stop the demo stack)"
    "$console" --connect "$admin_url" --token-file "$token_file" --connection-name demo
else
    out=${MODELGUARD_DEMO_SCREENSHOTS:-$PWD/demo-screenshots}
    mkdir -p "$out"
    echo "demo: no display; letting traffic run for 30 s, then saving screenshots to $out"
    sleep 30
    for section in overview clients; do
        xvfb-run -a -s "-screen 0 1600x1000x24" "$console" --connect "$admin_url" --token-file "$token_file" \
            --connection-name demo --section "$section" --screenshot "$out/$section.png" --screenshot-after-ms 5000
        echo "demo: saved $out/$section.png"
    done
fi
